import type * as vscode from 'vscode';
import { spawnNodeWorker } from '../../worker/spawnNode';
import { type BankParser, WorkerBankParser } from './parseService';

/** On the desktop: parse workers as Node worker threads (dist/worker.js, beside this bundle). The web build takes parserHost.web.ts. */
export function createBankParser(_extensionUri: vscode.Uri): BankParser {
  return new WorkerBankParser(() => spawnNodeWorker(), { where: 'node worker' });
}
