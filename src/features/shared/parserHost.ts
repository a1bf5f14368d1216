import { spawnNodeWorker } from '../../worker/spawnNode';
import { type BankParser, WorkerBankParser } from './parseService';

/** On the desktop: parse workers as Node worker threads (dist/worker.js). The web build takes parserHost.web.ts. */
export function createBankParser(): BankParser {
  return new WorkerBankParser(() => spawnNodeWorker());
}
