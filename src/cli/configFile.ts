import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { normalizeConfig } from '../core/lint/config';
import type { LintConfig } from '../core/lint/types';
import { CONFIG_FILES } from './configNames';
import { displayPath } from './files';

/** The key of package.json that holds the settings; a package.json without it is passed over. */
export const PACKAGE_JSON_KEY = 'starAnswers';

export interface FoundConfig {
  config: LintConfig;
  problems: string[];
}

/** Reads the text of a settings file: JSON with comments, or a package.json's `starAnswers` key (undefined when absent). */
export function readConfigText(fileName: string, text: string): { raw: unknown; problems: string[] } | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const first = errors[0];
    const at = lineAndColumn(text, first.offset);
    return { raw: undefined, problems: [`not valid JSON (${printParseErrorCode(first.error)} at line ${at.line}, column ${at.column}); using the default settings`] };
  }
  if (path.basename(fileName) !== 'package.json') return { raw: value, problems: [] };
  if (!value || typeof value !== 'object' || !(PACKAGE_JSON_KEY in value)) return undefined;
  return { raw: (value as Record<string, unknown>)[PACKAGE_JSON_KEY], problems: [] };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The nearest settings of a folder (its own, or its parent's, up to the root), each folder read once. */
export class ConfigFinder {
  private readonly cache = new Map<string, Promise<FoundConfig>>();
  /** Problems already printed, so each is told once. */
  readonly reported = new Set<string>();

  forFolder(folder: string): Promise<FoundConfig> {
    let found = this.cache.get(folder);
    if (!found) {
      found = this.read(folder);
      this.cache.set(folder, found);
    }
    return found;
  }

  private async read(folder: string): Promise<FoundConfig> {
    for (const name of CONFIG_FILES) {
      const file = path.join(folder, name);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') continue;
        return { ...normalizeConfig(undefined), problems: [`${displayPath(file)}: cannot be read (${code ?? String(error)})`] };
      }
      const read = readConfigText(file, text);
      if (!read) continue;
      if (read.problems.length) return { ...normalizeConfig(undefined), problems: read.problems.map((p) => `${displayPath(file)}: ${p}`) };
      const { config, problems } = normalizeConfig(read.raw);
      return { config, problems: problems.map((p) => `${displayPath(file)}: ${p}`) };
    }
    const parent = path.dirname(folder);
    return parent === folder ? normalizeConfig(undefined) : this.forFolder(parent);
  }
}
