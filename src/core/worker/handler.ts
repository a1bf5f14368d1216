import { shortensBudget } from '../limits';
import { relintEdit } from '../lint/incremental';
import { lintBank } from '../lint/runner';
import type { LintDiagnostic } from '../lint/types';
import type { BankFile } from '../model';
import { parseBank } from '../parser';
import { rereadEdit, type Reread } from '../parser/incremental';
import { readsQuickly } from '../parser/markdown';
import { mayHoldStory } from '../parser/prescan';
import { LineIndex } from '../text/lineIndex';
import { findingsPatch, principleHeaders, type ReadPatch } from './patch';
import type { ParseResponse, WorkerRequest, WorkerResponse } from './protocol';

/** Milliseconds on a clock the threads of one process share. */
const clock = () => performance.timeOrigin + performance.now();

/**
 * The worker's side of the protocol, free of any host API: a Node worker, a Web Worker and the tests
 * all call the function this returns. It keeps the last parse of each kept key, so that typing in an
 * open document re-reads only the story being edited.
 */
export function createRequestHandler(): (request: WorkerRequest, tell?: (message: WorkerResponse) => void) => WorkerResponse | undefined {
  const kept = new Map<string, { version: number; text: string; bank: BankFile; lint?: { settings: string; findings: LintDiagnostic[] } }>();
  return (request, tell) => {
    if (request.type === 'forget') {
      kept.delete(request.key);
      return undefined;
    }
    const { id, key, version, text } = request;
    // Before reading: the host's clock for this file gives it less time (`tell` sends this at once).
    if (tell && shortensBudget(text)) tell({ type: 'nested', id });
    const startedAt = request.trace ? clock() : 0;
    try {
      const lines = new LineIndex(text);
      let bank: BankFile | undefined;
      let how: ParseResponse['how'] = 'full';
      const previous = request.keep ? kept.get(key) : undefined;
      let reread: Reread | undefined;
      if (previous) {
        reread = rereadEdit(previous.text, previous.bank, text, lines);
        bank = reread?.bank;
        if (bank) how = 'incremental';
      }
      if (!bank && request.skipStoryless && !mayHoldStory(text) && (request.skipStoryless === true || !readsQuickly(text))) {
        bank = { principles: [], hasStories: false };
        how = 'skipped';
      }
      bank ??= parseBank(text, { fileName: request.fileName, lines });
      const readAt = request.trace ? clock() : 0;
      // The host holds the previous reading: answer with what changed since.
      const patchable = !!reread && !!previous && request.patchFrom === previous.version && !bank.problems;
      const response: ParseResponse = { type: 'parsed', id, key, version, bank, how };
      let lint: { settings: string; findings: LintDiagnostic[] } | undefined;
      let changedFindings: ReadPatch['findings'];
      if (request.lint) {
        const input = { text, bank, lines, config: request.lint };
        const settings = JSON.stringify(request.lint);
        // Typing: only the edited story is linted again when the settings are the same as last time.
        const moved = new Map<LintDiagnostic, LintDiagnostic>();
        const relinted = reread && previous?.lint?.settings === settings ? relintEdit(previous.bank, previous.text, previous.lint.findings, reread, input, moved) : undefined;
        const findings = relinted ?? lintBank(input);
        lint = { settings, findings };
        const part = patchable && relinted ? findingsPatch(previous!.lint!.findings, findings, (f) => moved.get(f)) : undefined;
        const sent = (part ? part.fresh : findings).map(({ question: _question, ...finding }) => finding);
        if (part) changedFindings = { keep: part.keep, fresh: sent, from: part.from };
        else response.findings = sent;
        if (request.findingsOnly) response.bank = { principles: [], hasStories: bank.hasStories, ...(bank.problems ? { problems: bank.problems } : {}) };
      }
      if (patchable) {
        response.patch = patchOf(previous!.version, bank, reread!, lines, changedFindings);
        response.bank = { principles: [], hasStories: bank.hasStories };
      }
      if (request.keep) kept.set(key, { version, text, bank, ...(lint ? { lint } : {}) });
      if (request.trace) {
        const sentAt = clock();
        response.timing = { startedAt, readMs: readAt - startedAt, lintMs: sentAt - readAt, sentAt };
      }
      return response;
    } catch (error) {
      kept.delete(key);
      return { type: 'error', id, key, version, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** The patch from the reading of version `base` to `bank`, after the quick re-read `reread`. */
function patchOf(base: number, bank: BankFile, reread: Reread, lines: LineIndex, findings: ReadPatch['findings']): ReadPatch {
  const patch: ReadPatch = { base, principles: principleHeaders(bank), hasStories: bank.hasStories, ...(findings ? { findings } : {}) };
  const edit = reread.shift.edit;
  if (!reread.edited || !edit) return patch;
  patch.edit = { ...edit, startPosition: lines.position(edit.start), newEndPosition: lines.position(edit.newEnd) };
  const index = bank.principles.flatMap((p) => p.questions).indexOf(reread.edited.after);
  patch.story = { index, question: reread.edited.after };
  return patch;
}
