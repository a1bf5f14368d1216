/**
 * Scores what the parser and the linter make of a hand-labelled folder of story banks (used by
 * scripts/score-corpus.ts). Pure: it gets the parsed banks and their findings, and returns figures
 * and the mismatches behind them. The labels are in expected.json, keyed by file name:
 *   { "<file>.md": { "principle": "…", "stories": [{ "lines": [3, 5], "sections": ["situation", …], "quantified": true }] } }
 * `lines` are the 1-based lines where the story may be said to start (its title or question, or its first label).
 */
import { questionShape } from '../src/core/story/shape';
import type { BankFile, Question, SectionKind } from '../src/core/model';
import type { LintDiagnostic } from '../src/core/lint/types';

export interface ExpectedStory {
  lines: number[];
  sections: SectionKind[];
  quantified: boolean;
}

export interface ExpectedFile {
  principle: string;
  stories: ExpectedStory[];
}

export type Expected = Record<string, ExpectedFile>;

/** A question the parser read with at least one section. */
export interface ParsedStory {
  line: number;
  kinds: SectionKind[];
  question: Question;
}

export interface Match {
  expected: ExpectedStory;
  parsed: ParsedStory;
}

export interface MissingFinding {
  line: number;
  kind: string;
  /** True when it falls on a matched labelled story that really lacks that section. */
  correct: boolean;
  why: string;
}

export interface Verdict {
  line: number;
  expectedQuantified: boolean;
  flagged: boolean;
}

export interface FileScore {
  file: string;
  principleExpected: string;
  principleGot: string;
  expected: ExpectedStory[];
  parsed: ParsedStory[];
  matches: Match[];
  unmatchedExpected: ExpectedStory[];
  unmatchedParsed: ParsedStory[];
  missing: MissingFinding[];
  /** Labelled S/T/A/R gaps of matched stories that got no missing-section finding. */
  silentGaps: { line: number; kind: SectionKind }[];
  verdicts: Verdict[];
  findingsByRule: Record<string, number>;
}

const STAR: SectionKind[] = ['situation', 'task', 'action', 'result'];

/** The distinct section kinds of a question, in order of first appearance. */
export function distinctKinds(question: Question): SectionKind[] {
  const kinds: SectionKind[] = [];
  for (const s of question.sections) for (const kind of [s.kind, ...(s.covers ?? [])]) if (!kinds.includes(kind)) kinds.push(kind);
  return kinds;
}

export function parsedStories(bank: BankFile): ParsedStory[] {
  return bank.principles
    .flatMap((p) => p.questions)
    // Guidance (a page explaining STAR) and lessons alone are read, but are no story.
    .filter((q) => questionShape(q) === 'story')
    .map((q) => ({ line: q.titleRange.start.line + 1, kinds: distinctKinds(q), question: q }));
}

/**
 * Pairs labelled stories with parsed ones: a parsed story matches a labelled story when its 1-based
 * title line is one of the story's `lines`. Each side is used at most once, in file order.
 */
export function matchStories(expected: ExpectedStory[], parsed: ParsedStory[]): Match[] {
  const used = new Set<ParsedStory>();
  const matches: Match[] = [];
  for (const story of expected) {
    const hit = parsed.find((p) => !used.has(p) && story.lines.includes(p.line));
    if (!hit) continue;
    used.add(hit);
    matches.push({ expected: story, parsed: hit });
  }
  return matches;
}

export function scoreFile(file: string, expected: ExpectedFile, bank: BankFile, findings: LintDiagnostic[]): FileScore {
  const parsed = parsedStories(bank);
  const matches = matchStories(expected.stories, parsed);
  const byQuestion = new Map(matches.map((m) => [m.parsed.question, m]));
  const lineOf = (d: LintDiagnostic) => d.range.start.line + 1;

  const missing: MissingFinding[] = findings
    .filter((d) => d.rule === 'missing-section')
    .map((d) => {
      const match = byQuestion.get(d.question);
      const kind = d.kind ?? '?';
      if (!match) return { line: lineOf(d), kind, correct: false, why: 'not on a labelled story' };
      const lacks = !match.expected.sections.includes(kind as SectionKind);
      return { line: lineOf(d), kind, correct: lacks, why: lacks ? 'the story lacks it' : `the story has its ${kind}` };
    });

  const silentGaps: { line: number; kind: SectionKind }[] = [];
  for (const m of matches) {
    for (const kind of STAR) {
      if (m.expected.sections.includes(kind)) continue;
      const reported = findings.some((d) => d.rule === 'missing-section' && d.question === m.parsed.question && d.kind === kind);
      if (!reported) silentGaps.push({ line: m.parsed.line, kind });
    }
  }

  const verdicts: Verdict[] = matches
    .filter((m) => m.expected.sections.includes('result') && m.parsed.question.sections.some((s) => s.kind === 'result' && s.words > 0))
    .map((m) => ({
      line: m.parsed.line,
      expectedQuantified: m.expected.quantified,
      flagged: findings.some((d) => d.rule === 'unquantified-result' && d.question === m.parsed.question),
    }));

  const findingsByRule: Record<string, number> = {};
  for (const d of findings) findingsByRule[d.rule] = (findingsByRule[d.rule] ?? 0) + 1;

  const matchedParsed = new Set(matches.map((m) => m.parsed));
  const matchedExpected = new Set(matches.map((m) => m.expected));
  return {
    file,
    principleExpected: expected.principle,
    principleGot: bank.principles[0]?.title ?? '',
    expected: expected.stories,
    parsed,
    matches,
    unmatchedExpected: expected.stories.filter((s) => !matchedExpected.has(s)),
    unmatchedParsed: parsed.filter((p) => !matchedParsed.has(p)),
    missing,
    silentGaps,
    verdicts,
    findingsByRule,
  };
}

export interface Totals {
  files: number;
  principlesRight: number;
  labelled: number;
  parsed: number;
  matched: number;
  sectionsExact: number;
  perKind: Record<SectionKind, { truePos: number; falsePos: number; falseNeg: number }>;
  verdicts: number;
  verdictsAgree: number;
  falseAlarms: number;
  misses: number;
  missingFindings: number;
  missingFalse: number;
  silentGaps: number;
  findingsByRule: Record<string, number>;
}

export function totals(scores: FileScore[]): Totals {
  const kinds: SectionKind[] = [...STAR, 'learning'];
  const perKind = Object.fromEntries(kinds.map((k) => [k, { truePos: 0, falsePos: 0, falseNeg: 0 }])) as Totals['perKind'];
  const t: Totals = {
    files: scores.length,
    principlesRight: 0,
    labelled: 0,
    parsed: 0,
    matched: 0,
    sectionsExact: 0,
    perKind,
    verdicts: 0,
    verdictsAgree: 0,
    falseAlarms: 0,
    misses: 0,
    missingFindings: 0,
    missingFalse: 0,
    silentGaps: 0,
    findingsByRule: {},
  };
  for (const s of scores) {
    if (s.principleGot === s.principleExpected) t.principlesRight++;
    t.labelled += s.expected.length;
    t.parsed += s.parsed.length;
    t.matched += s.matches.length;
    for (const m of s.matches) {
      if (sameKinds(m.expected.sections, m.parsed.kinds)) t.sectionsExact++;
      for (const k of kinds) {
        const want = m.expected.sections.includes(k);
        const got = m.parsed.kinds.includes(k);
        if (want && got) perKind[k].truePos++;
        else if (got) perKind[k].falsePos++;
        else if (want) perKind[k].falseNeg++;
      }
    }
    for (const v of s.verdicts) {
      t.verdicts++;
      if (v.flagged !== v.expectedQuantified) t.verdictsAgree++;
      else if (v.flagged) t.falseAlarms++;
      else t.misses++;
    }
    t.missingFindings += s.missing.length;
    t.missingFalse += s.missing.filter((m) => !m.correct).length;
    t.silentGaps += s.silentGaps.length;
    for (const [rule, n] of Object.entries(s.findingsByRule)) t.findingsByRule[rule] = (t.findingsByRule[rule] ?? 0) + n;
  }
  return t;
}

export function sameKinds(a: readonly SectionKind[], b: readonly SectionKind[]): boolean {
  return a.length === b.length && a.every((k, i) => b[i] === k);
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : 'n/a');
const frac = (n: number, d: number) => `${n}/${d} = ${pct(n, d)}`;

/** One line per figure. */
export function summaryLines(label: string, t: Totals): string[] {
  const lines = [
    `${label}: ${t.files} files, ${t.labelled} labelled stories, ${t.parsed} parsed stories (questions with >= 1 section)`,
    `principle titles right: ${frac(t.principlesRight, t.files)}`,
    `story recall: ${frac(t.matched, t.labelled)}`,
    `story precision: ${frac(t.matched, t.parsed)}`,
    `sections exact (distinct kinds in order; an unmatched labelled story counts as wrong): ${frac(t.sectionsExact, t.labelled)}`,
  ];
  for (const [kind, c] of Object.entries(t.perKind)) {
    lines.push(`  ${kind.padEnd(9)} precision ${frac(c.truePos, c.truePos + c.falsePos).padEnd(20)} recall ${frac(c.truePos, c.truePos + c.falseNeg)}   (over matched stories)`);
  }
  lines.push(
    `measurable-result verdicts agree: ${frac(t.verdictsAgree, t.verdicts)} (false alarms ${t.falseAlarms}: quantified but flagged; misses ${t.misses}: unquantified, not flagged)`,
    `missing-section warnings false: ${frac(t.missingFalse, t.missingFindings)} (true ${t.missingFindings - t.missingFalse}; labelled gaps left unreported ${t.silentGaps})`,
    `findings by rule: ${formatRules(t.findingsByRule)}`,
  );
  return lines;
}

export function formatRules(byRule: Record<string, number>): string {
  const entries = Object.entries(byRule).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([r, n]) => `${r} ${n}`).join(', ') : 'none';
}

const show = (kinds: readonly string[]) => (kinds.length ? kinds.map((k) => k[0].toUpperCase()).join('') : '-');

/** Each mismatch of one file, as "file:line what: expected … got …". */
export function mismatchLines(s: FileScore): string[] {
  const out: string[] = [];
  if (s.principleGot !== s.principleExpected) out.push(`${s.file}:1 principle: expected ${JSON.stringify(s.principleExpected)} got ${JSON.stringify(s.principleGot)}`);
  for (const e of s.unmatchedExpected) {
    const near = s.parsed.filter((p) => Math.abs(p.line - Math.min(...e.lines)) <= 12).map((p) => `${p.line}:${show(p.kinds)}`);
    out.push(`${s.file}:${Math.min(...e.lines)} story not found: expected ${show(e.sections)} at lines ${e.lines.join('/')}; parsed nearby ${near.length ? near.join(' ') : 'nothing'}`);
  }
  for (const p of s.unmatchedParsed) out.push(`${s.file}:${p.line} extra story: parsed ${show(p.kinds)} "${clip(p.question.title)}", no labelled story starts here`);
  for (const m of s.matches) {
    if (!sameKinds(m.expected.sections, m.parsed.kinds)) out.push(`${s.file}:${m.parsed.line} sections: expected ${show(m.expected.sections)} got ${show(m.parsed.kinds)} (${m.parsed.question.sections.map((x) => `${x.label}@${x.range.start.line + 1}`).join(', ')})`);
  }
  for (const v of s.verdicts) {
    if (v.flagged === v.expectedQuantified) out.push(`${s.file}:${v.line} result verdict: expected ${v.expectedQuantified ? 'quantified' : 'unquantified'} got ${v.flagged ? 'flagged unquantified' : 'not flagged'}`);
  }
  for (const m of s.missing) if (!m.correct) out.push(`${s.file}:${m.line} false missing-section (${m.kind}): ${m.why}`);
  return out;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
