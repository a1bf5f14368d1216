import type * as vscode from 'vscode';
import { spawnDesktopWorker } from '../../worker/spawnDesktop';
import { type BankParser, WorkerBankParser } from './parseService';

/**
 * On the desktop: parse workers as child processes running dist/worker.js (beside this bundle), or worker threads
 * where a process cannot start. The web build takes parserHost.web.ts.
 */
export function createBankParser(_extensionUri: vscode.Uri): BankParser {
  return new WorkerBankParser(() => spawnDesktopWorker({ log: (message) => console.warn(message) }), { where: 'node process' });
}
