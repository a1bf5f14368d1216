import assert from 'node:assert/strict';
import { findDirectives } from '../../../src/core/lint/comments';
import { lintText } from '../../../src/core/lint/runner';

const story = (n: number, action = 'We did it.') => `## Question ${n}\n\n**Situation:** s\n\n**Action:** ${action}\n\n**Result:** It went well.\n`;
const rulesByStory = (text: string) => {
  const out: Record<string, string[]> = {};
  for (const d of lintText(text)) (out[d.question.title] ??= []).push(d.rule);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
};
const ALL = ['missing-section', 'ownership', 'unquantified-result'];

describe('lint: disable comments', () => {
  it('finds directives with ids, commas, or none', () => {
    const found = findDirectives('<!-- star-answers-disable a, b -->\n<!--star-answers-enable-->\n<!-- star-answers-disable-next-story c -->\n<!-- other -->\n<!-- star-answers-disabled x -->');
    assert.deepEqual(found.map((d) => [d.type, d.rules]), [['disable', ['a', 'b']], ['enable', []], ['disable-next-story', ['c']]]);
  });

  it('ignores comments in fenced code (``` and ~~~, also indented) and in inline code', () => {
    const text = '```md\n<!-- star-answers-disable -->\n```\n  ~~~\n  <!-- star-answers-disable -->\n  ~~~\nSee `<!-- star-answers-disable -->` and ``a ` <!-- star-answers-disable --> ``.\n';
    assert.deepEqual(findDirectives(text), []);
    assert.equal(findDirectives(text + '<!-- star-answers-disable -->').length, 1);
  });

  it('an unclosed fence hides the rest of the file; an unclosed comment is no directive', () => {
    assert.deepEqual(findDirectives('```\n<!-- star-answers-disable -->'), []);
    assert.deepEqual(findDirectives('<!-- star-answers-disable'), []);
  });

  it('disable … enable covers the stories in between, for the named rule or for all', () => {
    const text = `${story(1)}\n<!-- star-answers-disable ownership -->\n\n${story(2)}\n<!-- star-answers-enable ownership -->\n\n${story(3)}\n<!-- star-answers-disable -->\n\n${story(4)}`;
    assert.deepEqual(rulesByStory(text), { 'Question 1': ALL, 'Question 2': ['missing-section', 'unquantified-result'], 'Question 3': ALL });
  });

  it('disable-next-story covers exactly the next story', () => {
    const text = `<!-- star-answers-disable-next-story ownership unquantified-result -->\n${story(1)}\n${story(2)}\n<!-- star-answers-disable-next-story -->\n${story(3)}\n${story(4)}`;
    assert.deepEqual(rulesByStory(text), { 'Question 1': ['missing-section'], 'Question 2': ALL, 'Question 4': ALL });
  });

  it('disable-next-story before a <details> story, and inside it before its <summary>', () => {
    const details = (n: number, lead = '') => `<details>\n${lead}<summary><b>Question ${n}</b></summary>\n\n- **Situation:** s\n- **Action:** We did it.\n- **Result:** It went well.\n\n</details>\n\n`;
    const text = `# P\n\n<!-- star-answers-disable-next-story ownership -->\n${details(1)}${details(2, '<!-- star-answers-disable-next-story missing-section -->\n')}${details(3)}`;
    const found = rulesByStory(text);
    assert.deepEqual(found['Question 1'], ['missing-section', 'unquantified-result']);
    assert.deepEqual(found['Question 2'], ['ownership', 'unquantified-result']);
    assert.deepEqual(found['Question 3'], ALL);
  });

  it('a directive shown in a code block does not switch anything off', () => {
    const text = `\`\`\`\n<!-- star-answers-disable -->\n\`\`\`\n\n${story(1)}`;
    assert.deepEqual(rulesByStory(text), { 'Question 1': ALL });
  });
});
