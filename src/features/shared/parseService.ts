import * as vscode from 'vscode';
import { PARSE_BUDGET_MS } from '../../core/limits';
import { WorkerPool, type PoolRequest } from '../../core/worker/pool';
import type { ParseResponse, WorkerEndpoint } from '../../core/worker/protocol';

/** What the story index needs from whatever parses: a Node worker here, a Web Worker on the web, a direct call in tests. */
export interface BankParser extends vscode.Disposable {
  parse(request: PoolRequest): Promise<ParseResponse>;
  /** A kept document was closed. */
  forget(key: string): void;
}

/**
 * Two workers, started on first use: one for the documents being typed in (it keeps their last parse
 * to re-read only the edited story), one for the background scan, so a big scan never delays typing
 * and a hostile file delays neither for longer than the budget.
 */
export class WorkerBankParser implements BankParser {
  private readonly typing: WorkerPool;
  private readonly background: WorkerPool;

  constructor(spawn: () => WorkerEndpoint, budgetMs = PARSE_BUDGET_MS) {
    this.typing = new WorkerPool({ size: 1, spawn, budgetMs });
    this.background = new WorkerPool({ size: 1, spawn, budgetMs });
  }

  parse(request: PoolRequest): Promise<ParseResponse> {
    return (request.keep ? this.typing : this.background).parse(request);
  }

  forget(key: string): void {
    this.typing.forget(key);
  }

  dispose(): void {
    this.typing.dispose();
    this.background.dispose();
  }
}
