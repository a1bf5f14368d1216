import type * as vscode from 'vscode';
import { spawnWebWorker } from '../../worker/spawnWeb';
import { type BankParser, WorkerBankParser } from './parseService';
import { useWebWorkerBundle } from './webWorkerBundle';

/**
 * In the web worker extension host: parse workers as nested Web Workers (dist/web/worker.js), with the
 * same protocol, pool and time budget as on the desktop.
 */
export function createBankParser(extensionUri: vscode.Uri): BankParser {
  const bundle = useWebWorkerBundle(extensionUri);
  return new WorkerBankParser(() => spawnWebWorker(bundle), { where: 'web worker', disposables: [bundle] });
}
