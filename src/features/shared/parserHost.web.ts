import { inProcessEndpoint } from '../../worker/inProcess';
import { type BankParser, WorkerBankParser } from './parseService';

/**
 * In the web worker extension host: the same protocol answered on that host's own thread (itself a worker,
 * not the editor's UI thread). Not yet a nested Web Worker (src/worker/web.ts is its entry), so no time budget here.
 */
export function createBankParser(): BankParser {
  return new WorkerBankParser(inProcessEndpoint);
}
