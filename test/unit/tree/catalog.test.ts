import * as assert from 'node:assert';
import { AMAZON_PRINCIPLES, findCatalogPrinciple, normalizePrincipleTitle, resolveCatalog, sanitizeCustomCatalog } from '../../../src/core/catalog';

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
});
