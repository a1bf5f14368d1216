import assert from 'node:assert/strict';
import { parseBank } from '../../../src/core/parser';
import { defusePathologicalMarkdown } from '../../../src/core/parser/markdown';

describe('parser: bad input', () => {
  it('HTML nested thousands deep is read without its HTML, with a message', () => {
    const bank = parseBank('## Q\n\n**Situation:** kept\n\n' + '<details>'.repeat(5000));
    assert.ok(bank.problems?.[0].includes('nested too deeply'));
    assert.equal(bank.principles[0].questions[0].sections[0].text, 'kept');
  });

  it('thousands of nested block quotes and brackets neither throw nor hang', function () {
    this.timeout(120_000);
    for (const text of ['>'.repeat(20000) + ' **Situation:** x', '- '.repeat(10000) + '**S:** x', '<ul><li>'.repeat(3000), '['.repeat(30000) + '](' .repeat(30000), '\u0000\u0001\uFFFF\uD800'.repeat(5000)]) {
      assert.doesNotThrow(() => parseBank(text));
    }
  });

  it('defusing keeps every offset', () => {
    const text = 'a [link](b)\n' + '['.repeat(300) + '\n' + '>'.repeat(100) + ' deep\n' + '- '.repeat(100) + 'list\n';
    const defused = defusePathologicalMarkdown(text);
    assert.equal(defused.length, text.length);
    assert.ok(defused.startsWith('a [link](b)\n'), 'ordinary lines are left alone');
    assert.ok(!defused.split('\n')[1].includes('['));
  });
});
