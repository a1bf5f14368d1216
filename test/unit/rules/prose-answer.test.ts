import assert from 'node:assert/strict';
import { applyInsertion, fixesFor } from '../../../src/core/lint/fixes';
import { lintText } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { findings, lintFixture, readFixture } from './helpers';

describe('rule prose-answer', () => {
  it('reports a <details> answered in prose once, as information, and no missing section on it', () => {
    const found = lintFixture('prose-answer', 'bad');
    assert.deepEqual(found.map((d) => [d.line, d.severity]), [[4, 'information']]);
    const text = readFixture('prose-answer', 'bad');
    assert.deepEqual(lintText(text).filter((d) => d.range.start.line === 3).map((d) => d.rule), ['prose-answer']);
  });

  it('is quiet on stories, empty questions and headings with text', () => {
    assert.deepEqual(lintFixture('prose-answer', 'good'), []);
  });

  it('says nothing in a file that tells no story (a README with a <details> FAQ)', () => {
    const text = '# Tool\n\n<details>\n<summary>How do I install it?</summary>\n\nRun the installer and restart.\n\n</details>\n';
    assert.deepEqual(lintText(text), []);
  });

  it('its fix labels the answer without removing a character, and the result reads as a story', () => {
    const text = readFixture('prose-answer', 'bad');
    const [diagnostic] = lintText(text).filter((d) => d.rule === 'prose-answer');
    const fix = fixesFor(text, diagnostic).find((f) => f.title.startsWith('Label'))!;
    let fixed = text;
    for (const insertion of [fix.insertion, ...(fix.more ?? [])].sort((a, b) => b.offset - a.offset)) fixed = applyInsertion(fixed, insertion);
    // Every character of the text is still there, in order: the fix only inserted.
    let i = 0;
    for (const c of fixed) if (c === text[i]) i++;
    assert.equal(i, text.length);
    assert.equal(fixed.length, text.length + fix.insertion.text.length + (fix.more ?? []).reduce((n, m) => n + m.text.length, 0));
    const story = parseBank(fixed).principles[0].questions[0];
    assert.deepEqual(story.sections.map((s) => s.kind), ['situation', 'task', 'action', 'result']);
    assert.match(story.sections[0].text, /^A build farm for phone apps/);
    assert.equal(findings(fixed, 'prose-answer').length, 0);
  });
});
