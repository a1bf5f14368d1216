import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintAcrossFiles, prepareAcrossFiles } from '../../../src/core/lint/acrossFiles';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import type { BankFileInput, LintDiagnostic } from '../../../src/core/lint/types';
import { parseBank } from '../../../src/core/parser';
import { runSteps } from '../../../src/core/steps';
import { StoryCopies } from '../../../src/core/lint/storyCopies';

/**
 * The index the editor keeps between passes over the bank must give, after any run of edits, the findings a
 * fresh index gives: for the files it names as touched, and (kept from before) for all the others.
 */

const VOCABULARY = Array.from({ length: 40 }, (_, i) => `w${i.toString(36)}`);

interface Story {
  title: number;
  words: number[];
}

type Model = Map<string, Story[]>;

const wordsArb = fc.array(fc.nat(VOCABULARY.length - 1), { minLength: 28, maxLength: 40 });
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('mutate' as const), file: fc.nat(), story: fc.nat(), at: fc.nat(), word: fc.nat(VOCABULARY.length - 1) }),
  fc.record({ kind: fc.constant('copy' as const), file: fc.nat(), story: fc.nat(), from: fc.nat(), fromStory: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), story: fc.nat(), words: wordsArb }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), story: fc.nat() }),
  fc.record({ kind: fc.constant('retitle' as const), file: fc.nat(), story: fc.nat(), title: fc.nat(5) }),
  fc.record({ kind: fc.constant('addFile' as const), name: fc.nat(12), from: fc.nat() }),
  fc.record({ kind: fc.constant('dropFile' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('reread' as const), file: fc.nat() }),
);
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

function render(name: string, stories: Story[]): string {
  const body = stories.map((s) => `## Story ${s.title}\n\n**Situation:** ${s.words.slice(0, 12).map((w) => VOCABULARY[w]).join(' ')}\n\n**Action:** I ${s.words.slice(12).map((w) => VOCABULARY[w]).join(' ')}\n\n**Result:** 3 more.\n\n`);
  return `# Principle ${name}\n\n${body.join('')}`;
}

function apply(model: Model, edit: Edit): void {
  const names = [...model.keys()].sort();
  const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const name = 'file' in edit ? pick(names, edit.file) : undefined;
  const stories = name === undefined ? undefined : model.get(name)!;
  switch (edit.kind) {
    case 'mutate': {
      const story = stories && pick(stories, edit.story);
      if (story) story.words = story.words.map((w, i) => (i === edit.at % story.words.length ? edit.word : w));
      break;
    }
    case 'copy': {
      const source = pick(model.get(pick(names, edit.from) ?? '') ?? [], edit.fromStory);
      if (stories && source) stories.splice(edit.story % (stories.length + 1), 0, { title: source.title, words: [...source.words] });
      break;
    }
    case 'insert':
      stories?.splice(edit.story % (stories.length + 1), 0, { title: 0, words: edit.words });
      break;
    case 'delete':
      if (stories?.length) stories.splice(edit.story % stories.length, 1);
      break;
    case 'retitle': {
      const story = stories && pick(stories, edit.story);
      if (story) story.title = edit.title;
      break;
    }
    case 'addFile':
      if (!model.has(`f${edit.name}`)) model.set(`f${edit.name}`, (pick([...model.values()], edit.from) ?? []).map((s) => ({ ...s, words: [...s.words] })));
      break;
    case 'dropFile':
      if (name !== undefined) model.delete(name);
      break;
    case 'reread':
      break; // the same text read again: a new parse of it
  }
}

/** What a finding says, without the story object it carries. */
function shown(d: LintDiagnostic): unknown {
  return { rule: d.rule, severity: d.severity, message: d.message, range: d.range, related: d.related, fix: d.fix };
}

function findingsOf(files: readonly BankFileInput[], only?: Set<string>): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const f of files) if (!only || only.has(f.uri)) out.set(f.uri, lintAcrossFiles({ uri: f.uri, text: f.text, bank: f.bank, config: DEFAULT_CONFIG, files }).map(shown));
  return out;
}

describe('the bank index kept between passes (duplicate-story)', () => {
  it('after any edits, gives for every file what a fresh index gives', () => {
    let checks = 0;
    let copiesFound = 0;
    const storyArb = fc.record({ title: fc.nat(5), base: fc.nat(3), changes: fc.array(fc.tuple(fc.nat(39), fc.nat(VOCABULARY.length - 1)), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(wordsArb, { minLength: 4, maxLength: 4 }), fc.array(fc.array(storyArb, { maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.array(editArb, { minLength: 1, maxLength: 25 }), (bases, fileStories, edits) => {
        const model: Model = new Map(fileStories.map((stories, i) => [`f${i}`, stories.map((s) => ({ title: s.title, words: bases[s.base].map((w, k) => s.changes.find(([at]) => at === k)?.[1] ?? w) }))]));
        const copies = new StoryCopies();
        let kept = new Map<string, unknown[]>();
        let parsed = new Map<string, BankFileInput>();
        for (const edit of [undefined, ...edits]) {
          if (edit) apply(model, edit);
          // As in the editor, a file keeps its parse until it changes (or is read again).
          const reread = edit?.kind === 'reread' ? [...model.keys()].sort()[edit.file % model.size] : undefined;
          const files = [...model].map(([name, stories]) => {
            const uri = `file:///bank/${name}.md`;
            const text = render(name, stories);
            const before = parsed.get(uri);
            return before && before.text === text && name !== reread ? before : { uri, text, bank: parseBank(text) };
          });
          parsed = new Map(files.map((f) => [f.uri, f]));
          const touched = runSteps(prepareAcrossFiles(copies, files));
          const incremental = new Map([...files].map((f) => [f.uri, kept.get(f.uri)]));
          for (const [uri, found] of findingsOf(files, touched)) incremental.set(uri, found);
          kept = incremental as Map<string, unknown[]>;
          const fresh = findingsOf([...files]);
          assert.deepEqual(kept, fresh, `after ${JSON.stringify(edit)}`);
          copiesFound += [...fresh.values()].reduce((n, found) => n + found.length, 0);
          checks++;
        }
      }),
      { numRuns: 150 },
    );
    // Copies are common in these banks (four base stories, a few words changed), or the comparison would prove little.
    assert.ok(copiesFound > checks, `${copiesFound} copies found in ${checks} readings of a bank`);
  });

  it('after an edit to one story, names only the files it can concern', () => {
    const distinct = (seed: number) => Array.from({ length: 30 }, (_, i) => `s${seed}x${i}`).join(' ');
    // No word triple in common between two stories: whatever the order of triples, no list holds two stories.
    const story = (title: string, words: string) => `## ${title}\n\n**Situation:** ${words}\n\n**Action:** I did ${title}.\n\n**Result:** ${title} more.\n\n`;
    const text = (n: number, extra = '') => `# P${n}\n\n${story(`A${n}`, distinct(n))}${story(`B${n}`, distinct(n + 100) + extra)}`;
    const input = (n: number, extra = '') => ({ uri: `file:///bank/f${String(n).padStart(2, '0')}.md`, text: text(n, extra), bank: parseBank(text(n, extra)) });
    const files = Array.from({ length: 20 }, (_, n) => input(n));
    const copies = new StoryCopies();
    assert.equal(runSteps(prepareAcrossFiles(copies, files)).size, 20, 'the first reading touches every file');
    assert.equal(runSteps(prepareAcrossFiles(copies, [...files])).size, 0, 'nothing changed');
    files[7] = input(7, ' more');
    assert.deepEqual([...runSteps(prepareAcrossFiles(copies, [...files]))], ['file:///bank/f07.md']);
    files[7] = input(7, ' more');
    assert.deepEqual([...runSteps(prepareAcrossFiles(copies, [...files]))], ['file:///bank/f07.md'], 'a new parse of the same text');
    files.pop();
    assert.deepEqual([...runSteps(prepareAcrossFiles(copies, [...files]))], ['file:///bank/f19.md'], 'the last file deleted');
  });
});
