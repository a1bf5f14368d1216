import { relintEdit } from '../lint/incremental';
import { lintBank } from '../lint/runner';
import type { LintDiagnostic } from '../lint/types';
import type { BankFile } from '../model';
import { parseBank } from '../parser';
import { rereadEdit, type Reread } from '../parser/incremental';
import { mayHoldStory } from '../parser/prescan';
import { LineIndex } from '../text/lineIndex';
import type { ParseResponse, WorkerRequest, WorkerResponse } from './protocol';

/**
 * The worker's side of the protocol, free of any host API: a Node worker, a Web Worker and the tests
 * all call the function this returns. It keeps the last parse of each kept key, so that typing in an
 * open document re-reads only the story being edited.
 */
export function createRequestHandler(): (request: WorkerRequest) => WorkerResponse | undefined {
  const kept = new Map<string, { text: string; bank: BankFile; lint?: { settings: string; findings: LintDiagnostic[] } }>();
  return (request) => {
    if (request.type === 'forget') {
      kept.delete(request.key);
      return undefined;
    }
    const { id, key, version, text } = request;
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
      if (!bank && request.skipStoryless && !mayHoldStory(text)) {
        bank = { principles: [], hasStories: false };
        how = 'skipped';
      }
      bank ??= parseBank(text, { fileName: request.fileName, lines });
      const response: ParseResponse = { type: 'parsed', id, key, version, bank, how };
      let lint: { settings: string; findings: LintDiagnostic[] } | undefined;
      if (request.lint) {
        const input = { text, bank, lines, config: request.lint };
        const settings = JSON.stringify(request.lint);
        // Typing: only the edited story is linted again when the settings are the same as last time.
        const findings = (reread && previous?.lint?.settings === settings && relintEdit(previous.bank, previous.text, previous.lint.findings, reread, input)) || lintBank(input);
        lint = { settings, findings };
        response.findings = findings.map(({ question: _question, ...finding }) => finding);
        if (request.findingsOnly) response.bank = { principles: [], hasStories: bank.hasStories, ...(bank.problems ? { problems: bank.problems } : {}) };
      }
      if (request.keep) kept.set(key, { text, bank, ...(lint ? { lint } : {}) });
      return response;
    } catch (error) {
      kept.delete(key);
      return { type: 'error', id, key, version, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
