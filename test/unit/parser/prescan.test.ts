import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseBank } from '../../../src/core/parser';
import { mayHoldStory } from '../../../src/core/parser/prescan';
import { markdownUnder } from '../helpers/markdownFiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

const word = fc.constantFrom('we', 'I', 'the team', '19%', 'a', 'A', 's', 'steps', 'context', 'Ünïcödé', '😀', '<', '>', '*', '_', '`', '|', '\\', ':', '(S)', 'Result', 'task');
const words = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
const label = fc.constantFrom('Situation', 'Task', 'Action', 'Result', 'S', 'T', 'A', 'R', 'L', 's', 'r', 'Context', 'Goal', 'Approach', 'Outcome', 'Impact', 'Learnings', 'What I did', 'Steps taken', 'Lessons learned', 'SITUATION', 'S (Situation)', 'Result (R)', '1. Result', 'Problem');
const colon = fc.constantFrom(':', '', ' :', '：', '.', ' -', ' —');

// Every place a label can stand, and noise around it.
const fragment = fc.oneof(
  fc.tuple(words).map(([q]) => `<details>\n<summary><b>${q}</b></summary>\n<ul>\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `    <li>\n        <b>${l}${c} </b><br>\n        - ${w}<br>\n    </li>\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `<li><strong>${l}${c}</strong> ${w}</li>\n`),
  fc.constant('</ul>\n</details>\n'),
  fc.tuple(label, colon, words).map(([l, c, w]) => `**${l}${c}** ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `__${l}__${c} ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `*${l}${c}* ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `- **${l}${c}** ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `1. ${l}${c} ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `${l}${c} ${w}\n`),
  fc.tuple(words, label, colon, words).map(([a, l, c, w]) => `${a}\n${l}${c} ${w}\n`),
  fc.tuple(label, words).map(([l, w]) => `[${l}](#x): ${w}\n`),
  fc.tuple(label, colon, words).map(([l, c, w]) => `**${l.charAt(0)}**${l.slice(1)}${c} ${w}\n`),
  fc.tuple(fc.constantFrom('S — Situation', 'T - Task', 'A: Action', 'R | Result', '(Learning)', 'Result (with numbers)', 'Situation/Task', 'Action & Result'), colon, words).map(([l, c, w]) => `**${l}**${c} ${w}\n`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(label, words), fc.constantFrom('', ' ##', ':')).map(([n, t, close]) => `${'#'.repeat(n)} ${t}${close}\n`),
  fc.tuple(label).map(([l]) => `${l}\n---\n`),
  words.map((w) => `**Question:** "${w}"\n`),
  words.map((w) => `1. **${w}**\n`),
  fc.tuple(label, label, words).map(([a, b, w]) => `| Question | ${a} | ${b} |\n|---|---|---|\n| ${w} | ${w} | ${w} |\n`),
  fc.tuple(label, words).map(([l, w]) => `| **${l}** | ${w} |\n|---|---|\n| ${l} | ${w} |\n`),
  fc.tuple(label, words).map(([l, w]) => `> **${l}:** ${w}\n`),
  fc.tuple(label, words).map(([l, w]) => `> - ${l}: ${w}\n`),
  fc.constant('```\n**Situation:** code\n'),
  fc.constant('```\n'),
  fc.constantFrom('<details>', '</details>', '<summary>', '<b>', '</li>', '<ul><li>', '<table><tr><td>', '<!-- note -->'),
  fc.constant('\n'),
  fc.string({ maxLength: 12 }),
);

const document = fc
  .tuple(fc.boolean(), fc.array(fragment, { maxLength: 20 }), fc.boolean())
  .map(([bom, parts, crlf]) => {
    const body = parts.join('\n');
    return (bom ? '\uFEFF' : '') + (crlf ? body.replace(/\r?\n/g, '\r\n') : body);
  });

describe('pre-scan: can a text hold a story?', () => {
  it('never says no to a fixture or example that holds a story', () => {
    const files = markdownUnder(FIXTURES);
    let withStories = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (!parseBank(text, { fileName: file }).hasStories) continue;
      withStories++;
      assert.ok(mayHoldStory(text), `${path.relative(FIXTURES, file)} holds a story but the pre-scan skips it`);
    }
    assert.ok(withStories >= 10, `only ${withStories} fixtures with stories`);
  });

  it('never says no to a generated document that holds a story (3,000 documents of every label form)', function () {
    this.timeout(300_000);
    let withStories = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (!parseBank(text).hasStories) return;
        withStories++;
        assert.ok(mayHoldStory(text), `skipped a story in ${JSON.stringify(text)}`);
      }),
      { numRuns: 3_000 },
    );
    assert.ok(withStories > 500, `only ${withStories} generated documents held a story`);
  });

  it('says no to prose, code and links without a label', () => {
    const readme = '# Project\n\nA tool that does things. It has a setting and some context.\n\n## Install\n\n```sh\nnpm install\n```\n\n- a list item\n- [a link](https://example.com)\n\n| Option | Meaning |\n|---|---|\n| --fast | go fast |\n';
    assert.equal(mayHoldStory(readme), false);
    assert.equal(mayHoldStory(''), false);
  });

  it('says maybe for each label form', () => {
    for (const text of ['**Situation:** x', '### Task', '- **S:** x', 'Result: 19%', '<li><b>Action: </b><br>', '| S | T |', '## 2. Outcome ##', 'S (Situation): x']) {
      assert.ok(mayHoldStory(text), text);
    }
  });
});
