import * as assert from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { AMAZON_PRINCIPLES, findCatalogPrinciple, mayBePrincipleFile, normalizePrincipleTitle, resolveCatalog, sanitizeCustomCatalog } from '../../../src/core/catalog';
import { parseBank } from '../../../src/core/parser';

describe('core/catalog', () => {
  it("ships Amazon's 16 Leadership Principles with one-line definitions", () => {
    assert.strictEqual(AMAZON_PRINCIPLES.length, 16);
    assert.strictEqual(new Set(AMAZON_PRINCIPLES.map((p) => normalizePrincipleTitle(p.title))).size, 16);
    for (const p of AMAZON_PRINCIPLES) {
      assert.ok(p.definition.length > 20 && !p.definition.includes('\n'), p.title);
    }
  });

  it('matches titles whatever their case, numbering, ampersand or alias', () => {
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, '1. customer obsession')?.title, 'Customer Obsession');
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, 'Disagree & Commit')?.title, 'Have Backbone; Disagree and Commit');
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, 'Are right a lot')?.title, 'Are Right, A Lot');
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, 'Strive to be Earth’s Best Employer')?.title, "Strive to be Earth's Best Employer");
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, 'Cooking'), undefined);
    assert.strictEqual(findCatalogPrinciple(AMAZON_PRINCIPLES, '   '), undefined);
  });

  it('resolves the setting: amazon by default, none, or a sanitized custom list', () => {
    assert.strictEqual(resolveCatalog(undefined, undefined).length, 16);
    assert.strictEqual(resolveCatalog('amazon', []).length, 16);
    assert.deepStrictEqual(resolveCatalog('none', [{ title: 'X' }]), []);
    assert.deepStrictEqual(resolveCatalog('custom', 'junk'), []);
    assert.deepStrictEqual(
      sanitizeCustomCatalog([{ title: ' Kindness ', definition: 'Be kind.' }, { title: 'kindness' }, { definition: 'no title' }, null, 42, 'Grit', { title: 7 }]),
      [{ title: 'Kindness', definition: 'Be kind.' }, { title: 'Grit', definition: '' }],
    );
  });

  describe('mayBePrincipleFile (whether a page the scan would not parse may be a principle\'s file)', () => {
    const amazon = [...AMAZON_PRINCIPLES];

    it('reads the first level-1 heading and the file name', () => {
      assert.ok(mayBePrincipleFile('# Think Big\n\nThinking small is a [self-fulfilling prophecy](https://example.com).\n', '/bank/notes.md', amazon));
      assert.ok(mayBePrincipleFile('  # **Dive Deep** ##\n', '/bank/x.md', amazon), 'emphasis and closing hashes');
      assert.ok(mayBePrincipleFile('# Setup\n\nRun `npm ci`.\n', '/bank/Dive Deep.md', amazon), 'named by its file');
      assert.ok(mayBePrincipleFile('# 3. invent & simplify\r\n\r\nSee [this](x).\r\n', '/bank/x.md', amazon), 'numbered, CRLF');
    });

    it('says no to other pages, to later or deeper headings, and to every page without a catalog', () => {
      assert.ok(!mayBePrincipleFile('# Setup\n\nRun `npm ci`.\n', '/bank/setup.md', amazon));
      assert.ok(!mayBePrincipleFile('# Setup\n\n# Think Big\n', '/bank/setup.md', amazon), 'only the first level-1 heading is a title');
      assert.ok(!mayBePrincipleFile('## Think Big\n', '/bank/setup.md', amazon));
      assert.ok(!mayBePrincipleFile('#Think Big\n', '/bank/setup.md', amazon), 'no heading without a space');
      assert.ok(!mayBePrincipleFile('# Think Big\n', '/bank/Think Big.md', []));
    });

    it('follows a custom catalog', () => {
      const custom = sanitizeCustomCatalog([{ title: 'Craft' }, 'Care']);
      assert.ok(mayBePrincipleFile('# craft\n', '/bank/x.md', custom));
      assert.ok(!mayBePrincipleFile('# Think Big\n', '/bank/x.md', custom));
    });

    it('says yes for every fixture and example whose parse names a principle of the catalog', () => {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
      const files = walk(path.join(__dirname, '../../fixtures'));
      let named = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        if (!parseBank(text, { fileName: file }).principles.some((p) => findCatalogPrinciple(amazon, p.title))) continue;
        named++;
        assert.ok(mayBePrincipleFile(text, file, amazon), file);
      }
      assert.ok(named >= 10, `${named} fixtures name a principle of the catalog`);
    });
  });
});
