import * as vscode from 'vscode';
import { isDeeplyNested, PARSE_BUDGET_MS } from '../../core/limits';
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
  /** How long after the last edit the typing worker may take scan files (TYPING_QUIET_MS; tests shorten it). */
  typingQuietMs?: number;
}

/** Scan files the typing worker may take while it idles: small, so that an edit asked for meanwhile waits little. */
export const SHARED_SCAN_MAX_CHARS = 64 * 1024;
/** The typing worker takes scan files only once no edit was asked for during this long. */
export const TYPING_QUIET_MS = 1500;

interface ScanTask {
  request: PoolRequest;
  /** Whether the typing worker may take it (small, not deeply nested): known once asked, the queue is searched often. */
  shareable?: boolean;
  resolve: (response: ParseResponse) => void;
  reject: (error: Error) => void;
}

/**
 * Two workers, started on first use: one for the documents being typed in (it keeps their last parse
 * to re-read only the edited story), one for the background scan, so a big scan never delays typing
 * and a hostile file delays neither for longer than the budget. While nobody types, the typing worker
 * helps the scan with small files, one at a time, so that a scan on two cores uses both.
 */
export class WorkerBankParser implements BankParser {
  private readonly typing: WorkerPool;
  private readonly background: WorkerPool;
  private readonly counts: ParseStats = { workersStarted: 0, answers: {} };
  private readonly scanQueue: ScanTask[] = [];
  private backgroundScanning = false;
  private typingScanning = false;
  private lastEditAt = -Infinity;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

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
    if (request.keep) {
      this.lastEditAt = Date.now();
      const answer = this.typing.parse(request);
      const next = () => this.pumpScan();
      answer.then(next, next);
      return answer;
    }
    if (this.disposed) return this.background.parse(request);
    return new Promise((resolve, reject) => {
      this.scanQueue.push({ request, resolve, reject });
      this.pumpScan();
    });
  }

  /** The background worker takes the next scan file; the typing worker a small one, when it idles and nobody types. */
  private pumpScan(): void {
    if (this.disposed) return;
    if (!this.backgroundScanning && this.scanQueue.length) {
      this.backgroundScanning = true;
      this.runScan(this.background, this.scanQueue.shift()!, () => (this.backgroundScanning = false));
    }
    if (this.typingScanning || !this.scanQueue.length || !this.typing.idle) return;
    const quietIn = this.lastEditAt + (this.options.typingQuietMs ?? TYPING_QUIET_MS) - Date.now();
    if (quietIn > 0) {
      this.quietTimer ??= setTimeout(() => {
        this.quietTimer = undefined;
        this.pumpScan();
      }, quietIn);
      return;
    }
    // Never a file that may overrun its budget: ending the typing worker would lose the open documents' last parse.
    const at = this.scanQueue.findIndex((task) => (task.shareable ??= task.request.text.length <= SHARED_SCAN_MAX_CHARS && !isDeeplyNested(task.request.text)));
    if (at < 0) return;
    const [task] = this.scanQueue.splice(at, 1);
    this.typingScanning = true;
    this.runScan(this.typing, task, () => (this.typingScanning = false));
  }

  private runScan(pool: WorkerPool, task: ScanTask, done: () => void): void {
    pool
      .parse(task.request)
      .then(task.resolve, task.reject)
      .finally(() => {
        done();
        this.pumpScan();
      });
  }

  forget(key: string): void {
    this.typing.forget(key);
  }

  stats(): ParseStats {
    return structuredClone(this.counts);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.quietTimer);
    for (const task of this.scanQueue.splice(0)) task.reject(new Error('the parse workers were shut down'));
    this.typing.dispose();
    this.background.dispose();
    for (const d of this.options.disposables ?? []) d.dispose();
  }
}
