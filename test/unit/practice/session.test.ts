import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBank } from '../../../src/core/parser';
import { storyIdentity } from '../../../src/core/practice/history';
import { PracticeSession, hasWarnings, inScope, isPracticable, type PracticeStory } from '../../../src/core/practice/session';
import { renderStoryParts } from '../../../src/core/render/bank';
import { DAY_MS } from '../../../src/core/practice/schedule';

const NOW = Date.UTC(2026, 11, 1);
const TEXT = `# Ownership

**Question:** Complete one?

**Situation:** S.
**Task:** T.
**Action:** I did.
**Result:** 20% faster.

**Question:** No task?

**Situation:** S.
**Action:** I did.
**Result:** 3 wins.

# Dive Deep

**Question:** Deep one?

**Situation:** S.
**Task:** T.
**Action:** I dug.
**Result:** Found 2 bugs.
`;

function pool(): PracticeStory[] {
  return parseBank(TEXT, { fileName: 'bank.md' }).principles.flatMap((p) => p.questions.map((question) => ({ uri: 'file:///bank.md', principle: p.title, question })));
}

describe('practice session', () => {
  it('scopes: the whole bank, one principle (by any spelling of it), or only stories with warnings', () => {
    const stories = pool();
    assert.equal(stories.filter((s) => inScope(s, { kind: 'all' })).length, 3);
    assert.deepEqual(stories.filter((s) => inScope(s, { kind: 'principle', title: 'dive deep' })).map((s) => s.question.title), ['Deep one?']);
    assert.deepEqual(stories.filter((s) => inScope(s, { kind: 'warnings' })).map((s) => s.question.title), ['No task?']);
  });

  it('asks each story once, up to its length, and counts the ratings', () => {
    const session = new PracticeSession(pool(), 2, () => 0);
    assert.equal(session.total, 2);
    const first = session.next(NOW)!;
    assert.equal(session.next(NOW), first, 'the current question until it is rated');
    assert.deepEqual(session.progress, { asked: 1, total: 2, nailed: 0, shaky: 0, skipped: 0 });
    assert.equal(session.rate('shaky', 95), first);
    const second = session.next(NOW)!;
    assert.notEqual(second, first);
    session.rate('nailed');
    assert.equal(session.next(NOW), undefined);
    assert.ok(session.done);
    assert.deepEqual(session.progress, { asked: 2, total: 2, nailed: 1, shaky: 1, skipped: 0 });
  });

  it('draws a shaky story before one nailed twice in a row, not due yet', () => {
    const [a, b] = pool();
    a.record = { question: 'x', words: '', title: 'x', ratings: [{ at: NOW - 2 * DAY_MS, outcome: 'nailed' }, { at: NOW - DAY_MS, outcome: 'nailed' }] };
    b.record = { question: 'y', words: '', title: 'y', ratings: [{ at: NOW - DAY_MS, outcome: 'shaky' }] };
    const session = new PracticeSession([a, b], 2, () => 0);
    assert.equal(session.next(NOW), b);
  });

  it('an empty pool is a session already over', () => {
    const session = new PracticeSession([], 10);
    assert.equal(session.next(NOW), undefined);
    assert.ok(session.done);
    assert.equal(session.rate('nailed'), undefined);
  });
});

describe('practice: what can be practised', () => {
  const text = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'real-shapes', 'placeholders-and-prose.md'), 'utf8');
  const questions = parseBank(text, { fileName: 'bank.md' }).principles.flatMap((p) => p.questions);
  const byTitle = (start: string) => questions.find((q) => q.title.startsWith(start))!;

  it('a story and a prose answer can be practised; a question with nothing under it cannot', () => {
    assert.equal(isPracticable(byTitle('Tell me about a time you had to earn')), true);
    assert.equal(isPracticable(byTitle('Why do you want')), true);
    assert.equal(isPracticable(byTitle('Tell me about a time you admitted')), false);
  });

  it('a prose answer has a warning and is revealed as one part, its words sanitized', () => {
    const prose = byTitle('Why do you want');
    assert.equal(hasWarnings(prose), true);
    const parts = renderStoryParts(text, prose);
    assert.deepEqual(parts.map((p) => [p.kind, p.name]), [['answer', 'Answer']]);
    assert.match(parts[0].html, /I have used the product for years/);
    assert.equal(storyIdentity(prose).words.split(' ')[0], 'i', 'a prose answer is recognised by its words too');
  });
});
