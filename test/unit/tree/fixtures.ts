import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseBank } from '../../../src/core/parser';
import type { TreeFileInput } from '../../../src/core/tree/model';

export const EXAMPLES = path.resolve(__dirname, '../../fixtures/examples');

/** Every markdown file of test/fixtures/examples, in the order the StoryIndex lists them (by uri). */
export function exampleFiles(): TreeFileInput[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(EXAMPLES);
  return files
    .map((full) => ({ uri: `file://${full}`, path: path.relative(EXAMPLES, full), full }))
    .sort((a, b) => a.uri.localeCompare(b.uri))
    .map(({ uri, path: rel, full }) => ({ uri, path: rel, bank: parseBank(readFileSync(full, 'utf8'), { fileName: full }) }));
}

export function fileInput(uri: string, text: string): TreeFileInput {
  return { uri, path: uri, bank: parseBank(text, { fileName: uri }) };
}
