import assert from 'node:assert/strict';
import { applyInsertion } from '../../../src/core/lint/fixes';
import { lintBank } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { storyPrinciples, principleResolver } from '../../../src/core/storyPrinciples';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { similarity } from '../../../src/core/rules/duplicate-story';
import { lintFixture, readFixture } from './helpers';

const bad = readFixture('duplicate-story', 'bad');
const [ownership, deliver] = bad.split(/(?=^# Deliver Results)/m);

function lintFiles(files: { uri: string; text: string }[]) {
  const bank = files.map((f) => ({ ...f, bank: parseBank(f.text, { fileName: f.uri }) }));
  return bank.map((f) => lintBank({ text: f.text, bank: f.bank, uri: f.uri, files: bank }).filter((d) => d.rule === 'duplicate-story'));
}

describe('rule duplicate-story', () => {
  it('reports the second copy once, as information, pointing at the first', () => {
    const found = lintFixture('duplicate-story', 'bad');
    assert.equal(found.length, 1);
    assert.equal(found[0].line, 15);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /the same story as "Tell me about a time you fixed something nobody owned" under Ownership/);
    assert.equal(found[0].related?.[0].range.start.line, 2);
  });

  it('leaves different stories, and a story listed by its Principles line, alone', () => {
    assert.deepEqual(lintFixture('duplicate-story', 'good'), []);
  });

  it('finds a near copy in another file: a few words changed', () => {
    const near = deliver.replace('fixed the lock', 'repaired the lock').replace('without a failure', 'without one failure');
    const [onOwnership, onDeliver] = lintFiles([
      { uri: 'file:///bank/Ownership.md', text: ownership },
      { uri: 'file:///bank/Deliver%20Results.md', text: near },
    ]);
    // "Deliver Results.md" sorts first: it holds the first copy, Ownership.md the second.
    assert.equal(onOwnership.length, 1);
    assert.deepEqual(onDeliver, []);
    assert.match(onOwnership[0].message, /nearly the same story as "Tell me about a time you delivered under pressure" under Deliver Results in Deliver Results\.md/);
    assert.equal(onOwnership[0].related?.[0].uri, 'file:///bank/Deliver%20Results.md');
  });

  it('its fix replaces the copy by a reference and lists its principle on the first copy, so the tree still shows it under both', () => {
    const [, [finding]] = lintFiles([
      { uri: 'file:///bank/A.md', text: ownership },
      { uri: 'file:///bank/B.md', text: deliver },
    ]);
    const fix = finding.fix!;
    const copy = applyInsertion(deliver, fix.insertion);
    assert.equal(parseBank(copy).principles[0].questions.length, 0, 'the copy is gone from B');
    assert.match(copy, /<!-- star-answers: "Tell me about a time you fixed something nobody owned" is written under Ownership \(A\.md\)/);
    const [tag] = fix.elsewhere!;
    assert.equal(tag.uri, 'file:///bank/A.md');
    const lines = ownership.split('\n');
    const at = lines.slice(0, tag.range.start.line).join('\n').length + (tag.range.start.line ? 1 : 0) + tag.range.start.character;
    const tagged = ownership.slice(0, at) + tag.text + ownership.slice(at);
    const [q] = parseBank(tagged).principles[0].questions;
    assert.deepEqual(storyPrinciples(tagged, q, principleResolver(AMAZON_PRINCIPLES), 'Ownership'), ['Deliver Results']);
    assert.equal(q.sections.length, 4, 'the first copy keeps its sections');
  });

  it('ignores short stories: two empty templates are not copies', () => {
    const template = '# A\n\n## Q\n\n**Situation:** TBD\n\n**Task:** TBD\n\n**Action:** TBD\n\n**Result:** TBD\n';
    assert.deepEqual(lintFiles([{ uri: 'a', text: template }, { uri: 'b', text: template }]).flat(), []);
  });

  it('finds, across a bank, exactly the first copy that comparing every pair of stories finds', () => {
    // Stories from a small vocabulary, some of them copies with a few words changed: the prefix index
    // must miss no pair at or above the threshold and pick the same first copy as the brute force.
    let seed = 7;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x`);
    const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
    const originals = Array.from({ length: 12 }, () => sentence(40));
    const mutate = (text: string, changes: number) => {
      const words = text.split(' ');
      for (let i = 0; i < changes; i++) words[Math.floor(random() * words.length)] = vocabulary[Math.floor(random() * vocabulary.length)];
      return words.join(' ');
    };
    const story = (n: number, body: string) => `## Story ${n}\n\n**Situation:** ${body.slice(0, 80)}\n\n**Action:** I ${body.slice(80)}\n\n**Result:** 3 more.\n\n`;
    const files = Array.from({ length: 6 }, (_, f) => {
      let text = `# Principle ${f}\n\n`;
      for (let n = 0; n < 8; n++) text += story(n, mutate(originals[Math.floor(random() * originals.length)], Math.floor(random() * 3)));
      return { uri: `file:///bank/p${f}.md`, text };
    });
    const bank = files.map((f) => ({ ...f, bank: parseBank(f.text, { fileName: f.uri }) }));
    const found = bank.flatMap((f) => lintBank({ text: f.text, bank: f.bank, uri: f.uri, files: bank }).filter((d) => d.rule === 'duplicate-story').map((d) => `${f.uri}:${d.range.start.line} -> ${d.related?.[0].uri}:${d.related?.[0].range.start.line}`));
    const all = bank.flatMap((f) => f.bank.principles.flatMap((p) => p.questions.map((q) => ({ uri: f.uri, q }))));
    const expected = all.flatMap(({ uri, q }) => {
      const first = all.find((o) => (o.uri < uri || (o.uri === uri && o.q.range.start.offset < q.range.start.offset)) && similarity(q, o.q) >= 0.8);
      return first ? [`${uri}:${q.titleRange.start.line} -> ${first.uri}:${first.q.titleRange.start.line}`] : [];
    });
    assert.ok(expected.length > 5 && expected.length < all.length - 5, `a mix of copies and stories: ${expected.length} of ${all.length}`);
    assert.deepEqual(found, expected);
  });
});
