import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  type Expected,
  type ExpectedFile,
  type ParsedStory,
  matchStories,
  mismatchLines,
  scoreFile,
  totals,
} from '../../../scripts/corpus-scoring';
import { lintBank } from '../../../src/core/lint/runner';
import type { Question } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';
import { LineIndex } from '../../../src/core/text/lineIndex';

const FOLDER = path.join(__dirname, '..', '..', 'fixtures', 'score');
const TEXT = fs.readFileSync(path.join(FOLDER, 'sample.md'), 'utf8');
const EXPECTED = (JSON.parse(fs.readFileSync(path.join(FOLDER, 'expected.json'), 'utf8')) as Expected)['sample.md'];

function score(expected: ExpectedFile) {
  const lines = new LineIndex(TEXT);
  const bank = parseBank(TEXT, { fileName: 'sample.md', lines });
  return scoreFile('sample.md', expected, bank, lintBank({ text: TEXT, bank, lines }));
}

/** A copy of the fixture's labels with one story changed. */
function relabel(index: number, change: Partial<ExpectedFile['stories'][number]>): ExpectedFile {
  return { ...EXPECTED, stories: EXPECTED.stories.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

const stub = (line: number): ParsedStory => ({ line, kinds: ['situation'], question: { title: `q${line}` } as Question });

describe('score-corpus: matching labelled stories with what the parser reads', () => {
  it('the fixture, labelled right, scores every figure at 100 % and its one missing Task warning as true', () => {
    const t = totals([score(EXPECTED)]);
    assert.deepEqual(
      { labelled: t.labelled, parsed: t.parsed, matched: t.matched, exact: t.sectionsExact, principles: t.principlesRight },
      { labelled: 2, parsed: 2, matched: 2, exact: 2, principles: 1 },
    );
    assert.deepEqual({ verdicts: t.verdicts, agree: t.verdictsAgree }, { verdicts: 2, agree: 2 });
    assert.deepEqual({ missing: t.missingFindings, false: t.missingFalse, silent: t.silentGaps }, { missing: 1, false: 0, silent: 0 });
    assert.deepEqual(t.perKind.task, { truePos: 1, falsePos: 0, falseNeg: 0 });
    assert.deepEqual(mismatchLines(score(EXPECTED)), []);
  });

  it('a prose question without labels is neither a parsed story nor a labelled one', () => {
    const s = score(EXPECTED);
    assert.deepEqual(s.parsed.map((p) => p.line), [3, 17]);
    assert.deepEqual(s.unmatchedParsed, []);
  });

  it('a story whose title line is not among its lines is missed, and the parsed one becomes an extra', () => {
    const s = score(relabel(1, { lines: [18] }));
    const t = totals([s]);
    assert.equal(t.matched, 1);
    assert.equal(t.parsed, 2);
    assert.deepEqual(s.unmatchedParsed.map((p) => p.line), [17]);
    const lines = mismatchLines(s);
    assert.ok(lines.some((l) => l.startsWith('sample.md:18 story not found: expected SAR')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('sample.md:17 extra story: parsed SAR')), lines.join('\n'));
    // Its missing-Task warning no longer falls on a labelled story: it counts as false.
    assert.deepEqual(s.missing.map((m) => [m.kind, m.correct, m.why]), [['task', false, 'not on a labelled story']]);
  });

  it('a missing-section warning on a story labelled with that section is false, and the section mismatch is listed', () => {
    const s = score(relabel(1, { sections: ['situation', 'task', 'action', 'result'] }));
    assert.deepEqual(s.missing.map((m) => [m.line, m.kind, m.correct, m.why]), [[17, 'task', false, 'the story has its task']]);
    assert.equal(totals([s]).sectionsExact, 1);
    assert.ok(mismatchLines(s).includes('sample.md:17 sections: expected STAR got SAR (Situation@19, Action@21, Result@23)'));
  });

  it('a labelled gap the linter does not report is counted as left unreported', () => {
    // Claiming story 1 has no Task: the parser finds one, so no warning is given for it.
    const t = totals([score(relabel(0, { sections: ['situation', 'action', 'result'] }))]);
    assert.equal(t.silentGaps, 1);
    assert.deepEqual(t.perKind.task, { truePos: 0, falsePos: 1, falseNeg: 0 });
  });

  it('result verdicts: a quantified story flagged, or an unquantified one let through, disagrees', () => {
    const flaggedWrongly = totals([score(relabel(1, { quantified: true }))]);
    assert.deepEqual({ agree: flaggedWrongly.verdictsAgree, falseAlarms: flaggedWrongly.falseAlarms, misses: flaggedWrongly.misses }, { agree: 1, falseAlarms: 1, misses: 0 });
    const missed = totals([score(relabel(0, { quantified: false }))]);
    assert.deepEqual({ agree: missed.verdictsAgree, falseAlarms: missed.falseAlarms, misses: missed.misses }, { agree: 1, falseAlarms: 0, misses: 1 });
  });

  it('a wrong principle title is reported', () => {
    const s = score({ ...EXPECTED, principle: 'Ownership' });
    assert.equal(totals([s]).principlesRight, 0);
    assert.ok(mismatchLines(s).includes('sample.md:1 principle: expected "Ownership" got "Earn Trust"'));
  });

  it('pairs each side at most once, in file order', () => {
    const parsed = [stub(3), stub(5), stub(9)];
    const matches = matchStories(
      [
        { lines: [3, 5], sections: ['situation'], quantified: false },
        { lines: [5, 6], sections: ['situation'], quantified: false },
        { lines: [3], sections: ['situation'], quantified: false },
      ],
      parsed,
    );
    assert.deepEqual(matches.map((m) => m.parsed.line), [3, 5]);
    assert.equal(matches.length, 2);
  });
});
