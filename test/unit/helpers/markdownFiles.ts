import fs from 'node:fs';
import path from 'node:path';

/** The markdown files under a folder (none when it does not exist). */
export function markdownUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownUnder(path.join(folder, e.name)) : /\.(md|markdown)$/.test(e.name) ? [path.join(folder, e.name)] : []));
}
