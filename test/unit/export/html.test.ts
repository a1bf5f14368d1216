import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { AMAZON_PRINCIPLES } from '../../../src/core/catalog';
import { EXPORT_CSP, exportBankHtml, type ExportFile } from '../../../src/core/export/html';
import { parseBank } from '../../../src/core/parser';
import { elements, hasClass, parseHtml, text } from '../render/parseHtml';
import { problems } from '../render/safety';
import { EXAMPLES } from '../tree/fixtures';

const HOSTILE = path.join(__dirname, '..', '..', 'fixtures', 'hostile');

function load(dir: string, names: string[]): ExportFile[] {
  return names.map((name) => {
    const text = readFileSync(path.join(dir, name), 'utf8');
    return { path: name, text, bank: parseBank(text, { fileName: name }) };
  });
}

function examples(): ExportFile[] {
  const names = ['seed/Customer Obsession.md', ...readdirSync(path.join(EXAMPLES, 'formats')).map((f) => `formats/${f}`), 'README.md'];
  return load(EXAMPLES, names);
}

/** The page split into its head and its body, as strings. */
function parts(html: string): { head: string; body: string } {
  const head = /<head>([\s\S]*)<\/head>/.exec(html)?.[1];
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1];
  assert.ok(head !== undefined && body !== undefined, 'a head and a body');
  return { head, body };
}

/** What would make the page reach out or run something, in a page meant to stand alone. */
function notStandalone(html: string): string[] {
  const out: string[] = [];
  if (/<\s*script/i.test(html)) out.push('<script>');
  if (/\son[a-z]+\s*=/i.test(html.replace(/>[^<]*</g, '><'))) out.push('an event handler');
  if (/\s(?:src|srcset|poster|background|data)\s*=/i.test(html.replace(/>[^<]*</g, '><'))) out.push('an attribute that loads something');
  if (/<\s*(?:link|iframe|frame|object|embed|img|video|audio|source|base)\b/i.test(html)) out.push('an element that loads something');
  if (/url\s*\(|@import/i.test(html)) out.push('a CSS url() or @import');
  const tree = parseHtml(html);
  for (const a of elements(tree, (e) => e.tagName === 'a')) {
    if (a.properties.href === undefined) continue; // a link the sanitizer disarmed: text only
    const href = String(a.properties.href);
    if (!/^(?:#|https?:|mailto:)/i.test(href)) out.push(`a link to ${href}`);
  }
  return out;
}

describe('export: standalone HTML page', () => {
  const html = exportBankHtml(examples(), { targets: AMAZON_PRINCIPLES, date: '2026-12-01' });
  const tree = parseHtml(html);

  it('stands alone: no script, nothing loaded, no http(s) address anywhere in the examples\' page', () => {
    assert.deepEqual(notStandalone(html), []);
    assert.doesNotMatch(html, /https?:\/\//i);
    assert.ok(html.startsWith('<!doctype html>'), html.slice(0, 40));
    const csp = elements(tree, (e) => e.tagName === 'meta' && String(e.properties.httpEquiv) === 'Content-Security-Policy');
    assert.equal(csp.length, 1);
    assert.equal(csp[0].properties.content, EXPORT_CSP);
    assert.match(EXPORT_CSP, /default-src 'none'/);
    assert.doesNotMatch(EXPORT_CSP, /script-src/, 'default-src none forbids every script');
  });

  it('the checks catch what they look for (they can fail)', () => {
    for (const bad of ['<script>x</script>', '<img src="a.png">', '<link rel="stylesheet" href="x.css">', '<p style="background:url(x)">', '<a href="file:///etc/passwd">x</a>', '<div onclick="x()">']) {
      assert.ok(notStandalone(bad).length > 0, bad);
    }
  });

  it('holds every story of the examples as a closed <details>, grouped by principle, the README left out', () => {
    const stories = elements(tree, (e) => e.tagName === 'details' && hasClass(e, 'story'));
    assert.equal(stories.length, 13);
    for (const s of stories) assert.ok(!('open' in s.properties));
    const principles = elements(tree, (e) => e.tagName === 'h2' && hasClass(e, 'principle-title')).map(text);
    assert.deepEqual(principles, ['Customer Obsession', 'Ownership', 'Dive Deep', 'Deliver Results', 'Bias for Action', 'Learn and Be Curious']);
    assert.equal(elements(tree, (e) => e.tagName === 'h3' && hasClass(e, 'star-label')).length, elements(tree, (e) => e.tagName === 'section' && hasClass(e, 'star')).length);
    assert.equal(elements(tree, (e) => e.tagName === 'button').length, 0, 'no preview buttons: nothing to click but the answers');
    assert.doesNotMatch(html, /data-line=/);
  });

  it('has a table of contents by principle that links to every story, with words and speaking times', () => {
    const [nav] = elements(tree, (e) => e.tagName === 'nav');
    assert.deepEqual(nav.properties.ariaLabelledBy, ['toc-title']);
    const ids = new Set(elements(tree, (e) => typeof e.properties.id === 'string').map((e) => e.properties.id));
    const links = elements({ type: 'root', children: [nav] }, (e) => e.tagName === 'a').map((a) => String(a.properties.href));
    assert.equal(links.length, 1 + 6 + 13, 'the plan, the principles, the stories');
    for (const href of links) assert.ok(ids.has(href.slice(1)), `${href} points at nothing`);
    assert.match(text(nav), /Customer Obsession \(2 stories, \d+:\d\d\)/);
    assert.match(text(nav), /Describe a situation where you had to deal with a difficult customer\. \d+ words · \d+:\d\d/);
    assert.match(text(tree), /13 stories under 6 principles · \d+:\d\d to tell them all at 150 words per minute · exported 2026-12-01/);
  });

  it('has the interview plan\'s coverage table, flagging principles with fewer than two finished stories', () => {
    const [table] = elements(tree, (e) => e.tagName === 'table');
    const rows = elements({ type: 'root', children: [table] }, (e) => e.tagName === 'tr').slice(1).map(text);
    assert.equal(rows.length, 16);
    assert.ok(rows.includes('Customer Obsession 2 2 Ready'), rows.join('\n'));
    assert.ok(rows.includes('Frugality 0 0 Needs 2 more'), rows.join('\n'));
    assert.equal(elements({ type: 'root', children: [table] }, (e) => e.tagName === 'th' && e.properties.scope === 'col').length, 4);
    assert.ok(!exportBankHtml(examples()).includes('<table'), 'no table without targets');
  });

  it('prints every answer open, and keeps a story on one page', () => {
    const css = /<style>([\s\S]*)<\/style>/.exec(html)![1];
    const print = css.slice(css.indexOf('@media print'));
    assert.match(print, /details\.story::details-content\s*\{[^}]*content-visibility: visible/);
    assert.match(print, /details\.story[^{]*\{[^}]*break-inside: avoid/);
  });

  it('renders with the preview\'s sanitizer: the hostile corpus leaves nothing that runs or loads', () => {
    const files = load(HOSTILE, readdirSync(HOSTILE).filter((f) => f.endsWith('.md') && f !== 'README.md'));
    const page = exportBankHtml(files, { targets: AMAZON_PRINCIPLES });
    const { head, body } = parts(page);
    assert.deepEqual(problems(body), [], 'the body holds nothing unsafe');
    assert.deepEqual(notStandalone(page), []);
    // The head is the page's own: charset, policy, viewport, title, style; nothing from the stories.
    assert.deepEqual(elements(parseHtml(`<html><head>${head}</head></html>`), (e) => !['html', 'head', 'body'].includes(e.tagName)).map((e) => e.tagName), ['meta', 'meta', 'meta', 'title', 'style']);
    // Remote images of the stories show as their alt text; safe links stay.
    assert.doesNotMatch(page, /<img/i);
    assert.match(text(parseHtml(page)), /We shipped/);
  });

  it('escapes a hostile title and says so when there is no story', () => {
    const page = exportBankHtml([], { title: '</title><script>alert(1)</script>' });
    assert.deepEqual(notStandalone(page), []);
    assert.match(page, /No story in these files\./);
  });
});
