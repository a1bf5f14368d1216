import type { BankFile } from '../core/model';
import { STAR_KINDS } from '../core/model';
import { parseBank } from '../core/parser';
import { type CliIo, displayPath, readInputs } from './files';

export const OUTLINE_USAGE = 'Usage: star-answers outline [--json] <files or folders...>';

/** The outline's JSON shape: lines are 1-based. */
export function outlineJson(path: string, bank: BankFile) {
  return {
    path,
    principles: bank.principles.map((p) => ({
      title: p.title,
      line: p.titleRange.start.line + 1,
      definition: p.definition ?? null,
      questions: p.questions.map((q) => ({
        title: q.title,
        line: q.titleRange.start.line + 1,
        sections: q.sections.map((s) => ({
          kind: s.kind,
          label: s.label,
          line: s.range.start.line + 1,
          endLine: s.range.end.line + 1,
          words: s.words,
        })),
      })),
    })),
  };
}

export async function runOutline(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const targets = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length || !targets.length) {
    io.stderr(`star-answers: ${unknown.length ? `unknown option ${unknown[0]}` : 'no files or folders given'}\n${OUTLINE_USAGE}\n`);
    return 2;
  }
  const { files, problems } = await readInputs(targets, io.cwd);
  for (const problem of problems) io.stderr(`star-answers: ${displayPath(problem.path)}: ${problem.message}\n`);
  // A README found in a folder is no story bank; a file named on the command line is always shown.
  const outlines = files
    .map((f) => ({ file: f, bank: parseBank(f.text, { fileName: f.path }) }))
    .filter(({ file, bank }) => {
      for (const problem of bank.problems ?? []) io.stderr(`star-answers: ${displayPath(file.path)}: ${problem}\n`);
      return bank.hasStories || !file.fromFolder;
    })
    .map(({ file, bank }) => outlineJson(displayPath(file.path), bank));
  if (json) io.stdout(`${JSON.stringify({ files: outlines })}\n`);
  else io.stdout(outlines.map(outlineText).join('\n'));
  return problems.length ? 2 : 0;
}

function outlineText(file: ReturnType<typeof outlineJson>): string {
  const lines = [file.path];
  for (const p of file.principles) {
    lines.push(`  ${p.title}  (line ${p.line}, ${p.questions.length} ${p.questions.length === 1 ? 'story' : 'stories'})`);
    for (const q of p.questions) {
      const kinds = new Set(q.sections.map((s) => s.kind));
      const marks = STAR_KINDS.map((k) => `${k[0].toUpperCase()}${kinds.has(k) ? '✓' : '✗'}`).join(' ');
      lines.push(`    ${q.title}  (line ${q.line})  ${marks}`);
      for (const s of q.sections) lines.push(`      ${s.label}: lines ${s.line}-${s.endLine}, ${s.words} words`);
    }
  }
  return `${lines.join('\n')}\n`;
}
