import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintBank } from '../../../src/core/lint/runner';
import type { BankFile } from '../../../src/core/model';
import { parseBank } from '../../../src/core/parser';
import { applyBankPatch, applyBankPatchSteps, applyFindingsPatch } from '../../../src/core/worker/patch';
import { createRequestHandler } from '../../../src/core/worker/handler';
import type { ParseResponse, WorkerFinding } from '../../../src/core/worker/protocol';
import { ALL_ON, placeEdit, typedEdit, withoutStories } from '../helpers/typedEdits';
import { EXAMPLE_FILES, readExample } from '../parser/helpers';

/** The host's side: the reading it holds, moved on by each answer as StoryIndex does it. */
class Host {
  bank: BankFile | undefined;
  findings: WorkerFinding[] | undefined;
  version: number | undefined;
  patched = 0;

  take(answer: ParseResponse): void {
    if (answer.patch) {
      assert.equal(answer.patch.base, this.version, 'a patch to the reading held');
      const bank = applyBankPatch(this.bank!, answer.patch);
      const findings = answer.patch.findings ? applyFindingsPatch(this.findings!, answer.patch) : answer.findings;
      assert.ok(bank && findings, 'the patch fits the reading held');
      this.bank = bank;
      this.findings = findings;
      this.patched++;
    } else {
      this.bank = answer.bank;
      this.findings = answer.findings;
    }
    this.version = answer.version;
  }
}

describe('worker: answers to the typing host as patches to its reading', () => {
  it('a host that applies the patches holds what a full parse and lint give, after any edits', function () {
    this.timeout(600_000);
    let patched = 0;
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLE_FILES), fc.array(typedEdit, { minLength: 1, maxLength: 6 }), (name, edits) => {
        const handle = createRequestHandler();
        const host = new Host();
        let text = readExample(name);
        const ask = (version: number) => host.take(handle({ type: 'parse', id: version, key: name, version, text, fileName: name, keep: true, lint: ALL_ON, ...(host.version !== undefined ? { patchFrom: host.version } : {}) }) as ParseResponse);
        ask(1);
        for (const [i, e] of edits.entries()) {
          const at = placeEdit(text, host.bank!, e);
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          ask(i + 2);
          const full = parseBank(text, { fileName: name });
          assert.deepEqual(host.bank, full, `${name}: ${JSON.stringify(e)}`);
          assert.deepEqual(host.findings, withoutStories(lintBank({ text, bank: full, config: ALL_ON })), `${name}: ${JSON.stringify(e)}`);
        }
        patched += host.patched;
      }),
      { numRuns: 300 },
    );
    // The property says nothing if no answer is a patch.
    assert.ok(patched > 300, `answers as patches: ${patched}`);
  });

  it('answers with the whole reading when the host holds another version than the worker kept', () => {
    const handle = createRequestHandler();
    const text = readExample('seed/Customer Obsession.md');
    const ask = (version: number, body: string, patchFrom?: number) => handle({ type: 'parse', id: version, key: 'k', version, text: body, keep: true, lint: ALL_ON, ...(patchFrom !== undefined ? { patchFrom } : {}) }) as ParseResponse;
    ask(1, text);
    const at = parseBank(text).principles[0].questions[0].sections[0].range.end.offset - 1;
    const next = `${text.slice(0, at)}really ${text.slice(at)}`;
    const stale = ask(3, next, 2);
    assert.equal(stale.how, 'incremental');
    assert.equal(stale.patch, undefined);
    assert.deepEqual(stale.bank, parseBank(next));
    const patched = ask(4, `${next.slice(0, at)}x${next.slice(at)}`, 3);
    assert.ok(patched.patch?.story, 'a patch once the versions agree');
    assert.deepEqual(patched.bank.principles, [], 'the whole model is not sent with a patch');
  });

  it('moves the stories of a long file a few hundred a step, to the same bank', () => {
    const story = (n: number) => `## Question ${n}?\n\n**Situation:** a late order ${n}.\n**Task:** ship it.\n**Action:** I re-planned.\n**Result:** 20% faster.\n\n`;
    const text = `# Ownership\n\n${Array.from({ length: 1200 }, (_, n) => story(n)).join('')}`;
    const handle = createRequestHandler();
    const base = handle({ type: 'parse', id: 1, key: 'k', version: 1, text, keep: true, lint: ALL_ON }) as ParseResponse;
    const at = base.bank.principles[0].questions[1].sections[0].range.end.offset - 1;
    const next = `${text.slice(0, at)}really ${text.slice(at)}`;
    const answer = handle({ type: 'parse', id: 2, key: 'k', version: 2, text: next, keep: true, lint: ALL_ON, patchFrom: 1 }) as ParseResponse;
    assert.ok(answer.patch?.story, 'a patch');
    const steps = applyBankPatchSteps(base.bank, answer.patch);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // 1,198 stories after the edited one move.
    assert.equal(yields, 4);
    assert.deepEqual(step.value, parseBank(next));
    assert.deepEqual(applyBankPatch(base.bank, answer.patch), step.value);
  });
});
