import * as assert from 'node:assert';
import { parseHostMessage, parsePreviewState, parseWebviewMessage } from '../../../src/core/render/messages';

describe('preview messages', () => {
  it('accepts the webview\'s messages', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'reveal', line: 12 }), { type: 'reveal', line: 12 });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'rendered', version: 3, resource: 'file:///a.md', junk: 1 }), { type: 'rendered', version: 3, resource: 'file:///a.md' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'focused', id: 's-0-1' }), { type: 'focused', id: 's-0-1' });
    assert.strictEqual(parseWebviewMessage({ type: 'focused', id: '<b>' }), undefined);
  });

  it('rejects unknown and malformed messages', () => {
    for (const bad of [
      undefined, null, 42, 'reveal', [], {}, { type: 'eval', code: 'x' }, { type: 'reveal' }, { type: 'reveal', line: -1 },
      { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' }, { type: 'reveal', line: Number.MAX_VALUE }, { type: 'reveal', line: NaN },
      { type: 'rendered', version: -2, resource: 'file:///a.md' }, { type: 'rendered', version: 2 }, { type: 'rendered', version: 2, resource: 7 }, { type: 'state', state: { resource: 'x' } }, { type: '__proto__' }, { type: 'toString' },
    ]) {
      assert.strictEqual(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('checks the state a reload hands back', () => {
    const good = { resource: 'file:///a.md', locked: true, open: ['s-0-1'], scrollY: 10, practice: false, revealed: ['s-0-1/result'] };
    assert.deepStrictEqual(parsePreviewState(good), good);
    assert.strictEqual(parsePreviewState({ ...good, open: ['<img onerror>'] }), undefined);
    assert.strictEqual(parsePreviewState({ ...good, scrollY: -1 }), undefined);
    assert.strictEqual(parsePreviewState({ ...good, resource: '' }), undefined);
    assert.strictEqual(parsePreviewState({ ...good, locked: 'yes' }), undefined);
    assert.strictEqual(parsePreviewState(undefined), undefined);
  });

  it('checks the extension\'s messages in the webview', () => {
    assert.deepStrictEqual(parseHostMessage({ type: 'focusStory', id: 's-1-2' }), { type: 'focusStory', id: 's-1-2' });
    assert.strictEqual(parseHostMessage({ type: 'focusStory', id: '"><script>' }), undefined);
    assert.deepStrictEqual(parseHostMessage({ type: 'update', html: '<p>x</p>', version: 2, resource: 'file:///a.md', locked: true }), { type: 'update', html: '<p>x</p>', version: 2, resource: 'file:///a.md', locked: true });
    assert.strictEqual(parseHostMessage({ type: 'update', html: 1, version: 1, resource: 'file:///a.md', locked: false }), undefined);
    const patch = { type: 'patch', version: 3, base: 2, resource: 'file:///a.md', shift: { after: 4, delta: -1 }, stories: [{ id: 's-0-1', html: '<details></details>' }] };
    assert.deepStrictEqual(parseHostMessage({ ...patch, extra: 1 }), patch);
    assert.strictEqual(parseHostMessage({ ...patch, stories: [{ id: '"><script>', html: '' }] }), undefined);
    assert.strictEqual(parseHostMessage({ ...patch, shift: { after: -1, delta: 0 } }), undefined);
    assert.strictEqual(parseHostMessage({ ...patch, base: 'x' }), undefined);
    assert.deepStrictEqual(parseWebviewMessage({ type: 'rendered', version: 3, resource: 'file:///a.md', touched: ['s-0-1'] }), { type: 'rendered', version: 3, resource: 'file:///a.md', touched: ['s-0-1'] });
    assert.strictEqual(parseWebviewMessage({ type: 'rendered', version: 3, resource: 'file:///a.md', touched: ['<b>'] }), undefined);
  });
});
