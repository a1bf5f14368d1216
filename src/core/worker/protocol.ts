/**
 * The messages between a host (the extension host, the CLI) and a parse worker. Plain data only, so
 * that a Node worker_threads worker and a browser Web Worker carry them the same way (structured clone; a parsed
 * answer's bank as JSON text, see wire.ts).
 */
import type { LintConfig, LintDiagnostic } from '../lint/types';
import type { BankFile } from '../model';
import type { ReadPatch } from './patch';

export interface ParseRequest {
  type: 'parse';
  /** Unique per request from one host; the response carries it back. */
  id: number;
  /** Which document this is (a URI, a path): the worker keeps the last parse of a kept key to re-read only the story being edited. */
  key: string;
  /** The document's version (or a host's own counter); answers for an older version are dropped by the host. */
  version: number;
  text: string;
  /** Used as the principle's title when the file has no H1. */
  fileName?: string;
  /** Remember this parse to re-read the next version of the same key incrementally (open documents). */
  keep?: boolean;
  /**
   * Run the cheap pre-scan first: a file that cannot hold a story is answered without parsing (its bank is empty).
   * 'unless-simple': only when it would need the full markdown reader (a page of docs with links and code); one the
   * quick reader reads is still parsed, so that its principles (a principle's file without a story yet) are known.
   */
  skipStoryless?: boolean | 'unless-simple';
  /** Lint with these settings in the worker too, and answer with the findings. */
  lint?: LintConfig;
  /**
   * The host needs the findings only (the CLI's lint): the answer's bank keeps its problems and
   * hasStories but no principles, which saves copying the whole model between threads.
   */
  findingsOnly?: boolean;
  /**
   * The host holds the reading of this version of the kept key: when the worker re-read only the edited
   * story since that version, it answers with a patch to it (see patch.ts) instead of the whole bank.
   */
  patchFrom?: number;
  /** Answer with the worker's timings too (the host's STAR_TRACE_TYPING trace). */
  trace?: boolean;
}

/** Forget a kept key (its document was closed). No answer. */
export interface ForgetRequest {
  type: 'forget';
  key: string;
}

export type WorkerRequest = ParseRequest | ForgetRequest;

/** A finding without its story (the host has the bank if it needs the story). */
export type WorkerFinding = Omit<LintDiagnostic, 'question'>;

export interface ParseResponse {
  type: 'parsed';
  id: number;
  key: string;
  version: number;
  bank: BankFile;
  findings?: WorkerFinding[];
  /** How it was read: in full, only the edited story, or not at all (the pre-scan found no story). */
  how: 'full' | 'incremental' | 'skipped';
  /** Instead of `bank` (which then has no principles) and `findings` (when the patch has them): what changed since the host's reading. */
  patch?: ReadPatch;
  /** When the request asked for a trace: when the worker began and ended it (ms on the process's shared clock), and its steps. */
  timing?: { startedAt: number; readMs: number; lintMs: number; sentAt: number };
}

export interface ErrorResponse {
  type: 'error';
  id: number;
  key: string;
  version: number;
  message: string;
}

/** Sent once by a worker when it has loaded: a file's time budget starts only then, not while the worker starts. */
export interface ReadyMessage {
  type: 'ready';
}

/**
 * Sent by a worker before it reads a request's text when the text is nested hundreds deep (`shortensBudget`): that
 * file's time budget is the base one. The host does not search the text itself.
 */
export interface NestedMessage {
  type: 'nested';
  id: number;
}

export type WorkerResponse = ParseResponse | ErrorResponse | ReadyMessage | NestedMessage;

/**
 * What a host needs from a worker, whatever runs it (worker_threads, a Web Worker, or a direct call in
 * tests): post a request, hear responses and failures, end it.
 */
export interface WorkerEndpoint {
  post(request: WorkerRequest): void;
  onMessage(listener: (response: WorkerResponse) => void): void;
  /** The worker died (an uncaught error, out of memory): every request in flight is lost. */
  onError(listener: (error: unknown) => void): void;
  terminate(): void;
  /** False for a handler run on the caller's own thread: it cannot be cut short, so it gets no budget. */
  readonly interruptible?: boolean;
}
