import assert from 'node:assert/strict';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference as fromTable } from 'decode-named-character-reference';
import { decodeNamedCharacterReference } from '../../../src/core/parser/namedCharacterReference';

describe('parser: named character references through parse5 (in place of the character-entities table)', () => {
  it('decodes every name the table knows to the same text', () => {
    const names = Object.keys(characterEntities);
    assert.ok(names.length > 2000);
    for (const name of names) assert.equal(decodeNamedCharacterReference(name), characterEntities[name], name);
  });

  it('refuses what is no reference, as the table does: unknown names, legacy prefixes, numbers, odd characters', () => {
    for (const value of ['notit', 'ampx', 'Amp', 'nosuchentity', 'ampersand', 'lt2', '#38', '#x26', '', 'a b', 'amp;', 'copy1', 'AElig2']) {
      assert.equal(decodeNamedCharacterReference(value), fromTable(value), JSON.stringify(value));
    }
  });
});
