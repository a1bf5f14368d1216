import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBank } from '../../../src/core/parser';
import { renderBank } from '../../../src/core/render';
import { elements, hasClass, parseHtml, text } from './parseHtml';

const EXAMPLES = path.join(__dirname, '..', '..', 'fixtures', 'examples');
const read = (...p: string[]) => readFileSync(path.join(EXAMPLES, ...p), 'utf8');

function render(source: string, fileName = 'bank.md', wordsPerMinute?: number) {
  const rendered = renderBank(source, parseBank(source, { fileName }), { wordsPerMinute });
  return { ...rendered, tree: parseHtml(rendered.html) };
}

function labels(story: ReturnType<typeof elements>[number]): string[] {
  return elements({ type: 'root', children: [story] }, (e) => hasClass(e, 'star-label')).map((e) => e.children.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value).join('').trim());
}

describe('renderBank', () => {
  it('renders the seed as two <details> with four labelled sections each', () => {
    const { tree, stories } = render(read('seed', 'Customer Obsession.md'), 'Customer Obsession.md');
    const details = elements(tree, (e) => e.tagName === 'details' && hasClass(e, 'story'));
    assert.strictEqual(details.length, 2);
    for (const story of details) {
      assert.deepStrictEqual(labels(story), ['Situation', 'Task', 'Action', 'Result']);
      const summary = story.children.find((c) => c.type === 'element' && c.tagName === 'summary');
      assert.ok(summary, 'each story has a summary');
    }
    assert.deepStrictEqual(
      stories.map((s) => [s.id, s.title, s.startLine]),
      [
        ['s-0-0', 'Describe a situation where you had to deal with a difficult customer.', 5],
        ['s-0-1', 'Describe a situation where you negotiated a win-win.', 34],
      ],
    );
    const h1 = elements(tree, (e) => e.tagName === 'h1');
    assert.deepStrictEqual(h1.map(text), ['Customer Obsession']);
    const definition = elements(tree, (e) => hasClass(e, 'definition'));
    assert.match(text(definition[0]), /^Leaders start with the customer and work backwards\./);
  });

  it('keeps each section to its own words: no label, no neighbour', () => {
    const { tree } = render(read('seed', 'Customer Obsession.md'));
    const bodies = elements(tree, (e) => hasClass(e, 'star-body')).map(text);
    assert.strictEqual(bodies.length, 8);
    assert.match(bodies[0], /^Software Engineer for a healthcare company/);
    assert.match(bodies[0], /in case of emergency$/);
    assert.doesNotMatch(bodies[0], /Situation|Task/);
    assert.match(bodies[3], /^Led to a 19% improvement/);
    assert.match(bodies[3], /gaining their trusts$/);
  });

  it('reads the seed\'s "- line<br>" runs as list items', () => {
    const { tree } = render(read('seed', 'Customer Obsession.md'));
    const situation = elements(tree, (e) => hasClass(e, 'star-situation'))[0];
    const items = elements({ type: 'root', children: [situation] }, (e) => e.tagName === 'li').map(text);
    assert.deepStrictEqual(items.length, 3);
    assert.strictEqual(items[0], 'Software Engineer for a healthcare company');
  });

  it('keeps markdown formatting: bold, lists, links, code', () => {
    const source = [
      '# Ownership',
      '',
      '## Story: Lists',
      '',
      '**Question:** Tell me about a list.',
      '',
      '**Situation:** We had **three** teams and a [runbook](https://example.com/runbook).',
      '',
      '**Task:** Keep `main` green.',
      '',
      '**Action:**',
      '',
      '- I wrote *tests*',
      '- I paired',
      '',
      '**Result:** Builds took 4 minutes, not 40.',
      '',
    ].join('\n');
    const { tree } = render(source);
    const [situation, task, action, result] = elements(tree, (e) => hasClass(e, 'star-body'));
    assert.ok(elements({ type: 'root', children: [situation] }, (e) => e.tagName === 'strong' && text(e) === 'three').length === 1);
    const link = elements({ type: 'root', children: [situation] }, (e) => e.tagName === 'a')[0];
    assert.strictEqual(link.properties.href, 'https://example.com/runbook');
    assert.strictEqual(text(elements({ type: 'root', children: [task] }, (e) => e.tagName === 'code')[0]), 'main');
    const items = elements({ type: 'root', children: [action] }, (e) => e.tagName === 'li');
    assert.deepStrictEqual(items.map(text), ['I wrote tests', 'I paired']);
    assert.ok(elements({ type: 'root', children: [action] }, (e) => e.tagName === 'em').length === 1);
    assert.deepStrictEqual(elements({ type: 'root', children: [result] }, (e) => e.tagName === 'mark').map(text), ['4', '40']);
  });

  it('highlights numbers in the Result only, on text nodes, never inside code', () => {
    const source = [
      '**Question:** Numbers',
      '',
      '**Situation:** We had 12 services.',
      '**Task:** Cut 5 things.',
      '**Action:** I did it.',
      '**Result:** Latency fell 19% (from <b>250 ms</b> to 2x faster, $2M saved); `code 42` stays plain & <i>a < b</i>.',
    ].join('\n');
    const { tree, html } = render(source);
    const marks = elements(tree, (e) => e.tagName === 'mark');
    assert.deepStrictEqual(marks.map(text), ['19%', '250', '2x', '$2M']);
    assert.ok(marks.every((m) => hasClass(m, 'metric')));
    const result = elements(tree, (e) => hasClass(e, 'star-result'))[0];
    assert.ok(marks.every((m) => elements({ type: 'root', children: [result] }, (e) => e === m).length === 1), 'all marks are in the Result');
    assert.doesNotMatch(html, /<code><mark/);
    assert.match(text(result), /a < b/);
  });

  it('shows badges: words and speaking time, missing sections, unquantified result', () => {
    const { tree } = render(read('formats', 'incomplete.md'), 'incomplete.md', 100);
    const rows = elements(tree, (e) => hasClass(e, 'badges')).map((row) => elements({ type: 'root', children: [row] }, (e) => hasClass(e, 'badge')).map(text));
    assert.strictEqual(rows.length, 3);
    assert.ok(rows[0].includes('No Task'), `story 1: ${rows[0]}`);
    assert.ok(rows[0].includes('Unquantified result'), `story 1: ${rows[0]}`);
    assert.ok(rows[1].includes('Empty Action'), `story 2: ${rows[1]}`);
    assert.ok(!rows[1].includes('Unquantified result'), 'story 2 has 30%');
    assert.deepStrictEqual(rows[2].slice(1), ['Complete'], 'story 3 is complete ("three weeks" is a number)');
    for (const row of rows) assert.match(row[0], /^\d+ words · \d+:\d\d$/);
  });

  it('computes speaking time at the given pace', () => {
    const words = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ');
    const source = `**Question:** Pace\n\n**Situation:** ${words}\n\n**Task:** t\n\n**Action:** a\n\n**Result:** r 1\n`;
    const fast = elements(render(source, 'a.md', 154).tree, (e) => hasClass(e, 'badge-info')).map(text)[0];
    const slow = elements(render(source, 'a.md', 77).tree, (e) => hasClass(e, 'badge-info')).map(text)[0];
    assert.strictEqual(fast, '154 words · 1:00');
    assert.strictEqual(slow, '154 words · 2:00');
  });

  it('reads CRLF and a BOM like LF', () => {
    const lf = read('seed', 'Customer Obsession.md');
    const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
    const a = render(lf);
    const b = render(crlf);
    assert.deepStrictEqual(elements(b.tree, (e) => hasClass(e, 'star-body')).map(text), elements(a.tree, (e) => hasClass(e, 'star-body')).map(text));
    assert.deepStrictEqual(b.stories.map((s) => s.startLine), a.stories.map((s) => s.startLine));
  });

  it('renders every example file with every story and its sections', () => {
    const files: [string, string, number][] = [
      ['formats', 'bold-labels.md', 2],
      ['formats', 'headings.md', 2],
      ['formats', 'list-labels.md', 2],
      ['formats', 'starl-and-synonyms.md', 2],
      ['formats', 'incomplete.md', 3],
    ];
    for (const [dir, file, count] of files) {
      const source = read(dir, file);
      const bank = parseBank(source, { fileName: file });
      const { tree } = render(source, file);
      const details = elements(tree, (e) => hasClass(e, 'story'));
      assert.strictEqual(details.length, count, file);
      const sections = bank.principles.flatMap((p) => p.questions.flatMap((q) => q.sections));
      const bodies = elements(tree, (e) => hasClass(e, 'star-body'));
      assert.strictEqual(bodies.length, sections.length, file);
      sections.forEach((section, i) => {
        // Every word the parser counted shows in the preview.
        const shown = text(bodies[i]);
        for (const word of section.text.split(/\s+/).filter((w) => /^[\p{L}]{4,}$/u.test(w))) {
          assert.ok(shown.includes(word), `${file} ${section.kind}: "${word}" missing from "${shown}"`);
        }
      });
    }
  });

  it('says so when a file has no story, and shows parse problems', () => {
    const { tree } = render('# Notes\n\nJust some notes.\n', 'notes.md');
    assert.strictEqual(elements(tree, (e) => hasClass(e, 'story')).length, 0);
    assert.match(text(elements(tree, (e) => hasClass(e, 'empty'))[0]), /No stories in this file yet/);
    const withProblem = renderBank('x', { principles: [], hasStories: false, problems: ['Too deep'] });
    assert.match(withProblem.html, /class="problem"[^>]*>Too deep</);
  });

  it('survives markup nested thousands deep, huge files and binary junk', function () {
    this.timeout(60000);
    const deep = '**Question:** Deep\n\n**Situation:** ' + '<div>'.repeat(20000) + 'deep words' + '</div>'.repeat(20000) + '\n\n**Result:** 3 wins\n';
    assert.doesNotThrow(() => render(deep));
    const junk = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.doesNotThrow(() => render(junk));
    const big = read('seed', 'Customer Obsession.md').repeat(50);
    const started = Date.now();
    const { stories } = render(big);
    assert.strictEqual(stories.length, 100);
    assert.ok(Date.now() - started < 20000, `rendered 100 stories in ${Date.now() - started} ms`);
  });

  it('shows a section holding only a "- " placeholder line as empty, not as a dash', () => {
    const { tree } = render('# P\n\n<details>\n<summary><b>Q?</b></summary>\n<ul>\n    <li>\n        <b>Task: </b><br>\n        - <br>\n    </li>\n</ul>\n</details>\n');
    const task = elements(tree, (e) => hasClass(e, 'star-task'))[0];
    assert.match(text(task), /\(empty Task\)/);
    assert.doesNotMatch(text(task), /^\s*-\s*$/m);
  });
});
