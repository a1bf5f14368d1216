import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parsePracticeHostMessage, parsePracticeWebviewMessage } from '../../../src/core/practice/messages';
import { parseBank } from '../../../src/core/parser';
import { renderStoryParts } from '../../../src/core/render/bank';
import { problems } from '../render/safety';

const HOSTILE = path.join(__dirname, '..', '..', 'fixtures', 'hostile');

describe('practice webview: messages and content', () => {
  it('accepts the webview\'s messages and rejects anything else', () => {
    assert.deepEqual(parsePracticeWebviewMessage({ type: 'rate', n: 2, outcome: 'shaky', seconds: 95.5 }), { type: 'rate', n: 2, outcome: 'shaky', seconds: 95.5 });
    assert.deepEqual(parsePracticeWebviewMessage({ type: 'revealed', n: 1, kinds: ['situation', 'task'] }), { type: 'revealed', n: 1, kinds: ['situation', 'task'] });
    for (const bad of [
      null,
      'ready',
      { type: 'rate', n: 1, outcome: 'great', seconds: 3 },
      { type: 'rate', n: 1, outcome: 'nailed', seconds: -1 },
      { type: 'rate', n: -1, outcome: 'nailed', seconds: 1 },
      { type: 'rate', n: 1, outcome: 'nailed', seconds: Number.NaN },
      { type: 'revealed', n: 1, kinds: ['situation', '<img>'] },
      { type: 'revealed', n: 1, kinds: Array(9).fill('task') },
      { type: 'run', code: 'x' },
    ]) {
      assert.equal(parsePracticeWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the webview accepts only well-formed questions and known actions', () => {
    const question = { n: 1, total: 2, principle: 'P', title: 'Q?', parts: [{ kind: 'task', name: 'Task', html: '<p>x</p>' }], targetSeconds: 120, elapsedSeconds: 0, revealed: [], history: 'New' };
    assert.ok(parsePracticeHostMessage({ type: 'question', question }));
    assert.equal(parsePracticeHostMessage({ type: 'question', question: { ...question, parts: [{ kind: 'intro', name: 'x', html: '' }] } }), undefined);
    assert.ok(parsePracticeHostMessage({ type: 'action', action: 'reveal-next' }));
    assert.equal(parsePracticeHostMessage({ type: 'action', action: 'eval' }), undefined);
  });

  it('each part of a hostile story is sanitized as in the preview', () => {
    for (const file of readdirSync(HOSTILE).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      const text = readFileSync(path.join(HOSTILE, file), 'utf8');
      const questions = parseBank(text, { fileName: file }).principles.flatMap((p) => p.questions);
      assert.ok(questions.length > 0, file);
      for (const q of questions) for (const part of renderStoryParts(text, q)) assert.deepEqual(problems(part.html), [], `${file}: ${q.title} / ${part.kind}`);
    }
  });
});
