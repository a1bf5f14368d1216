import * as vscode from 'vscode';
import { PARSE_BUDGET_MS } from '../../core/limits';
import { WorkerPool, type PoolRequest } from '../../core/worker/pool';
import type { ParseResponse, WorkerEndpoint } from '../../core/worker/protocol';

/** What the story index needs from whatever parses: a Node worker here, a Web Worker on the web, a direct call in tests. */
export interface BankParser extends vscode.Disposable {
  parse(request: PoolRequest): Promise<ParseResponse>;
  /** A kept document was closed. */
  forget(key: string): void;
  /** How the answers so far were read, and where (read by the integration tests). */
  stats?(): ParseStats;
}

/** Answers received, by where they were read ('node worker', 'web worker', 'extension host thread') and how. */
export interface ParseStats {
  workersStarted: number;
  answers: Record<string, Partial<Record<ParseResponse['how'], number>>>;
}

export interface WorkerBankParserOptions {
  budgetMs?: number;
  /** Where the spawned endpoints answer, unless an endpoint says otherwise (its own `where`). */
  where: string;
  disposables?: vscode.Disposable[];
}

/**
 * Two workers, started on first use: one for the documents being typed in (it keeps their last parse
 * to re-read only the edited story), one for the background scan, so a big scan never delays typing
 * and a hostile file delays neither for longer than the budget.
 */
export class WorkerBankParser implements BankParser {
  private readonly typing: WorkerPool;
  private readonly background: WorkerPool;
  private readonly counts: ParseStats = { workersStarted: 0, answers: {} };

  constructor(
    spawn: () => WorkerEndpoint & { readonly where?: string },
    private readonly options: WorkerBankParserOptions,
  ) {
    const counted = () => {
      const endpoint = spawn();
      this.counts.workersStarted++;
      endpoint.onMessage((response) => {
        if (response.type !== 'parsed') return;
        const where = (this.counts.answers[endpoint.where ?? options.where] ??= {});
        where[response.how] = (where[response.how] ?? 0) + 1;
      });
      return endpoint;
    };
    const budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
    this.typing = new WorkerPool({ size: 1, spawn: counted, budgetMs });
    this.background = new WorkerPool({ size: 1, spawn: counted, budgetMs });
  }

  parse(request: PoolRequest): Promise<ParseResponse> {
    return (request.keep ? this.typing : this.background).parse(request);
  }

  forget(key: string): void {
    this.typing.forget(key);
  }

  stats(): ParseStats {
    return structuredClone(this.counts);
  }

  dispose(): void {
    this.typing.dispose();
    this.background.dispose();
    for (const d of this.options.disposables ?? []) d.dispose();
  }
}
