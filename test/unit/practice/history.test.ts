import assert from 'node:assert/strict';
import { parseBank } from '../../../src/core/parser';
import {
  MAX_RATINGS,
  emptyHistory,
  matchRecords,
  parseHistory,
  recordRating,
  storyIdentity,
  type PracticeHistory,
} from '../../../src/core/practice/history';

const story = (question: string, situation: string, result = 'Cut the wait by 40%.') =>
  `**Question:** ${question}\n\n**Situation:** ${situation}\n**Task:** Keep the launch date.\n**Action:** I wrote the migration plan and ran it.\n**Result:** ${result}\n`;

function identities(text: string) {
  return parseBank(text, { fileName: 'Ownership.md' }).principles.flatMap((p) => p.questions.map((q) => ({ ...storyIdentity(q), title: q.title })));
}

/** Rates every story of a text once, as a session would. */
function practised(text: string): PracticeHistory {
  let history = emptyHistory();
  const ids = identities(text);
  // As the extension does: the whole bank is matched at each rating, so that matches stay one to one.
  ids.forEach((s, i) => (history = recordRating(history, s, { at: 1, outcome: 'shaky' }, matchRecords(ids, history)[i])));
  return history;
}

const BANK = `# Ownership\n\n${story('Tell me about a time you owned a failure.', 'Our billing job failed every night for a week.')}\n${story('Describe a time you went beyond your role.', 'The support queue had grown to 900 tickets.', 'Queue down to 40 in two weeks.')}`;

describe('practice history', () => {
  it('finds each story again by its question', () => {
    const history = practised(BANK);
    assert.equal(history.records.length, 2);
    assert.deepEqual(matchRecords(identities(BANK), history), [0, 1]);
  });

  it('survives edits of the story: same question, different words', () => {
    const history = practised(BANK);
    const edited = BANK.replace('Our billing job failed every night for a week.', 'The nightly billing job had failed seven nights running, and finance noticed.');
    assert.deepEqual(matchRecords(identities(edited), history), [0, 1]);
  });

  it('survives a reworded question, by the story\'s words', () => {
    const history = practised(BANK);
    const reworded = BANK.replace('Tell me about a time you owned a failure.', 'Give an example of a mistake you took ownership of.');
    assert.deepEqual(matchRecords(identities(reworded), history), [0, 1]);
  });

  it('survives a rename of the file and a move to another principle: nothing is keyed by path or principle', () => {
    const history = practised(BANK);
    const moved = parseBank(BANK.replace('# Ownership', '# Earn Trust'), { fileName: 'renamed/Trust.md' }).principles[0].questions.map(storyIdentity);
    assert.deepEqual(matchRecords(moved, history), [0, 1]);
  });

  it('swapped stories keep their own records, and a new story gets none', () => {
    const history = practised(BANK);
    const [a, b] = BANK.split('\n**Question:** ').slice(1).map((s) => `**Question:** ${s}`);
    const swapped = `# Ownership\n\n${b}\n${a}\n${story('Tell me about a time you simplified a process.', 'Releases took a full day of manual steps.')}`;
    assert.deepEqual(matchRecords(identities(swapped), history), [1, 0, undefined]);
  });

  it('a reworded question and rewritten story at once is a new story (nothing left to recognise it by)', () => {
    const history = practised(BANK);
    const other = '# Ownership\n\n**Question:** When did you fix something nobody asked you to?\n\n**Situation:** A flaky deploy script broke releases twice a month.\n**Task:** Nobody owned it.\n**Action:** I rewrote it over a weekend.\n**Result:** No broken release in 6 months.\n';
    assert.deepEqual(matchRecords(identities(other), history), [undefined]);
  });

  it('two stories under the same question in two files each keep their own record', () => {
    const a = story('Tell me about a conflict.', 'Two teams wanted the same release slot.');
    const b = story('Tell me about a conflict.', 'A designer and I disagreed about the onboarding flow.');
    const text = `# Ownership\n\n${a}\n# Earn Trust\n\n${b}`;
    const history = practised(text);
    assert.equal(history.records.length, 2);
    assert.deepEqual(matchRecords(identities(text), history), [0, 1]);
    // Editing one of them does not pull the other's record.
    const edited = text.replace('Two teams wanted the same release slot.', 'Two teams both needed the single release slot of May.');
    assert.deepEqual(matchRecords(identities(edited), history), [0, 1]);
  });

  it('a rating updates the story\'s keys, so the next lookup after a rename matches exactly', () => {
    let history = practised(BANK);
    const reworded = BANK.replace('Tell me about a time you owned a failure.', 'Give an example of a mistake you took ownership of.');
    const ids = identities(reworded);
    const [record] = matchRecords(ids, history);
    history = recordRating(history, ids[0], { at: 2, outcome: 'nailed' }, record);
    assert.equal(history.records.length, 2, 'the same record, not a new one');
    const found = history.records.find((r) => r.question === ids[0].question)!;
    assert.deepEqual(found.ratings.map((r) => r.outcome), ['shaky', 'nailed']);
    assert.equal(found.title, 'Give an example of a mistake you took ownership of.');
  });

  it('keeps at most the last ratings of a story', () => {
    let history = emptyHistory();
    const [id] = identities(BANK);
    for (let i = 0; i < MAX_RATINGS + 5; i++) history = recordRating(history, id, { at: i, outcome: 'nailed' }, matchRecords([id], history)[0]);
    assert.equal(history.records[0].ratings.length, MAX_RATINGS);
    assert.equal(history.records[0].ratings[0].at, 5);
  });

  it('reads back only a well-formed history; anything else is an empty one', () => {
    const good = practised(BANK);
    assert.deepEqual(parseHistory(JSON.parse(JSON.stringify(good))), good);
    for (const bad of [undefined, null, 3, 'x', [], { version: 2, records: [] }, { version: 1, records: {} }]) assert.deepEqual(parseHistory(bad), emptyHistory());
    const mixed = parseHistory({
      version: 1,
      records: [null, { question: 'q', words: 'w', ratings: [{ at: 1, outcome: 'nailed' }, { at: 'x', outcome: 'nailed' }, { at: 2, outcome: 'great' }, { at: 3, outcome: 'shaky', seconds: -1 }] }],
    });
    assert.deepEqual(mixed.records, [{ question: 'q', words: 'w', title: 'q', ratings: [{ at: 1, outcome: 'nailed' }] }]);
  });
});
