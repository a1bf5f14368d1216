import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Element } from 'hast';
import fc from 'fast-check';
import { parseBank } from '../../../src/core/parser';
import { renderBank } from '../../../src/core/render';
import { elements, hasClass, parseHtml, text } from './parseHtml';
import { problems } from './safety';

const HOSTILE = path.join(__dirname, '..', '..', 'fixtures', 'hostile');
const FILES = readdirSync(HOSTILE).filter((f) => f.endsWith('.md') && f !== 'README.md');

function render(source: string, fileName = 'hostile.md') {
  return renderBank(source, parseBank(source, { fileName })).html;
}

describe('preview rendering of hostile stories', () => {
  it('has a corpus', () => {
    assert.ok(FILES.length >= 4, FILES.join(', '));
  });

  for (const file of FILES) {
    it(`${file}: nothing executes or survives as markup`, () => {
      const source = readFileSync(path.join(HOSTILE, file), 'utf8');
      const html = render(source, file);
      assert.deepStrictEqual(problems(html), [], html);
      // The same holds with CRLF line ends and a BOM.
      assert.deepStrictEqual(problems(render(`\uFEFF${source.replace(/\n/g, '\r\n')}`, file)), []);
    });
  }

  it('the checks catch what they look for (they can fail)', () => {
    assert.ok(problems('<p><script>x</script></p>').length > 0);
    assert.ok(problems('<img src=x onerror=alert(1)>').length > 0);
    assert.ok(problems('<a href="jav&#x61;script:alert(1)">x</a>').length > 0);
    assert.ok(problems('<img src="data:image/png;base64,AAAA">').length > 0);
    assert.ok(problems('<p style="color:red">x</p>').length > 0);
    assert.ok(problems('<base href="https://x">').length > 0);
    assert.deepStrictEqual(problems('<p>javascript: is a word here, onload=too</p>'), []);
  });

  it('keeps the stories\' own words and safe links', () => {
    const scripts = parseHtml(render(readFileSync(path.join(HOSTILE, 'scripts.md'), 'utf8')));
    const all = text(scripts);
    for (const words of ['We shipped', 'safely', 'second line', 'broken image', 'click me', 'hover here', 'Saved 3 hours', 'An autolink']) {
      assert.ok(all.includes(words), `"${words}" missing`);
    }
    assert.ok(all.includes("<script>alert(15)</script>"), 'code spans show their text');
    const links = elements(scripts, (e) => e.tagName === 'a');
    assert.ok(links.some((a) => a.properties.href === 'https://example.com/ok'), 'https links stay');
    const heads = parseHtml(render(readFileSync(path.join(HOSTILE, 'head-tags.md'), 'utf8')));
    const headText = text(heads);
    for (const words of ['form words', 'styled words', 'overlay', 'data link']) assert.ok(headText.includes(words), `"${words}" missing`);
    assert.ok(!headText.includes('display: none'), 'style element text is dropped');
    const frames = parseHtml(render(readFileSync(path.join(HOSTILE, 'svg-and-frames.md'), 'utf8')));
    const images = elements(frames, (e) => e.tagName === 'img');
    assert.deepStrictEqual(images.map((i) => i.properties.src), ['https://example.com/ok.png']);
    assert.ok(text(frames).includes('[data image]'), 'a dropped image shows its alt text');
  });

  it('a user\'s <details open ontoggle> inside a Result loses its handler; stories stay closed until opened', () => {
    const heads = parseHtml(render(readFileSync(path.join(HOSTILE, 'head-tags.md'), 'utf8')));
    const details = elements(heads, (e) => e.tagName === 'details');
    const stories = details.filter((d) => hasClass(d, 'story'));
    assert.equal(stories.length, 1, 'the user\'s <details> is content of the Result, not a story of its own');
    assert.equal(details.length, 2);
    for (const d of details) {
      assert.deepStrictEqual(Object.keys((d as Element).properties).filter((k) => /^on/i.test(k)), []);
    }
    for (const d of stories) assert.ok(!('open' in (d as Element).properties), 'stories render closed');
  });

  it('arbitrary text and HTML fragments never yield executable markup', function () {
    this.timeout(60000);
    const fragment = fc.constantFrom(
      '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>', '<svg onload=alert(1)>',
      '<iframe src=x>', '<style>*{}</style>', '<details ontoggle=alert(1)>', '<b>', '</b>', '<li>', '<ul>', '**Situation:** ',
      '**Result:** 19% ', '<details><summary><b>Q?</b></summary>', '</details>', '\n', '\r\n', '- ', '<br>', '"', "'", '<', '>',
      '<a href="&#106;avascript:x">', '<math><mtext><script>', '<!--', '-->', '<base href=x>', '<meta http-equiv=refresh content=0>',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 40 }), (parts) => {
        const html = render(parts.join(''));
        assert.deepStrictEqual(problems(html), []);
      }),
      { numRuns: 300 },
    );
  });
});
