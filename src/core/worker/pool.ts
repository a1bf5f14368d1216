import { parseBudgetBeforeCheck } from '../limits';
import type { ParseRequest, ParseResponse, WorkerEndpoint, WorkerResponse } from './protocol';

/** A file took longer than its budget: its worker was ended and replaced. */
export class ParseBudgetExceeded extends Error {
  constructor(
    readonly key: string,
    readonly budgetMs: number,
  ) {
    super(`${key} took longer than ${budgetMs} ms to read`);
  }
}

/** A newer version of the same document was asked for before this one started. */
export class ParseSuperseded extends Error {
  constructor(readonly key: string) {
    super(`${key} was superseded by a newer version`);
  }
}

export interface PoolOptions {
  size: number;
  /** Starts one worker; called lazily, and again for each worker that had to be ended. */
  spawn: () => WorkerEndpoint;
  /** Milliseconds a file may take before its worker is ended (more for a big file of ordinary markdown: parseBudgetFor). */
  budgetMs: number;
}

export type PoolRequest = Omit<ParseRequest, 'type' | 'id'>;

interface Task {
  request: ParseRequest;
  /** Kept keys always go to the same worker, which holds their previous parse. */
  slot: number | undefined;
  resolve: (response: ParseResponse) => void;
  reject: (error: Error) => void;
}

interface Slot {
  endpoint: WorkerEndpoint | undefined;
  /** The worker has loaded (its budget clock may run). */
  ready: boolean;
  task: Task | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the running task's clock started, and its budget (shortened when the worker says the text is nested). */
  clock?: { startedAt: number; budgetMs: number };
}

/**
 * Parse workers with a time budget per file: a worker that overruns is terminated and replaced, its
 * request fails with ParseBudgetExceeded, and nothing else waits for it longer than that.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private queue: Task[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ endpoint: undefined, ready: false, task: undefined, timer: undefined }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** No request running or waiting. */
  get idle(): boolean {
    return !this.queue.length && this.slots.every((slot) => !slot.task);
  }

  parse(request: PoolRequest): Promise<ParseResponse> {
    if (this.disposed) return Promise.reject(new Error('the parse workers were shut down'));
    return new Promise((resolve, reject) => {
      if (request.keep) {
        // Only the newest version of a document is worth reading.
        this.queue = this.queue.filter((t) => {
          if (t.request.key !== request.key) return true;
          t.reject(new ParseSuperseded(t.request.key));
          return false;
        });
      }
      const slot = request.keep ? hash(request.key) % this.slots.length : undefined;
      this.queue.push({ request: { ...request, type: 'parse', id: this.nextId++ }, slot, resolve, reject });
      this.pump();
    });
  }

  /** Starts every worker now rather than with its first request. */
  startWorkers(): void {
    this.slots.forEach((slot, n) => {
      if (!this.disposed) slot.endpoint ??= this.spawn(n);
    });
  }

  /** The document of a kept key was closed: its worker may drop its last parse. */
  forget(key: string): void {
    const slot = this.slots[hash(key) % this.slots.length];
    slot.endpoint?.post({ type: 'forget', key });
  }

  dispose(): void {
    this.disposed = true;
    for (const task of this.queue) task.reject(new Error('the parse workers were shut down'));
    this.queue = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.task?.reject(new Error('the parse workers were shut down'));
      slot.task = undefined;
      slot.endpoint?.terminate();
      slot.endpoint = undefined;
    }
  }

  private pump(): void {
    this.slots.forEach((slot, n) => {
      if (slot.task || this.disposed) return;
      const at = this.queue.findIndex((t) => t.slot === undefined || t.slot === n);
      if (at < 0) return;
      const [task] = this.queue.splice(at, 1);
      this.start(slot, n, task);
    });
  }

  private start(slot: Slot, n: number, task: Task): void {
    slot.task = task;
    slot.endpoint ??= this.spawn(n);
    if (slot.ready) this.startClock(slot);
    slot.endpoint.post(task.request);
  }

  private startClock(slot: Slot): void {
    if (!slot.task || slot.timer || slot.endpoint?.interruptible === false) return;
    this.arm(slot, slot.task, performance.now(), parseBudgetBeforeCheck(slot.task.request.text.length, this.options.budgetMs));
  }

  /** The worker found the running text nested hundreds deep: it gets the base budget, counted from its start. */
  private shortenClock(slot: Slot): void {
    const task = slot.task;
    if (!task || !slot.timer || !slot.clock || slot.clock.budgetMs <= this.options.budgetMs) return;
    clearTimeout(slot.timer);
    this.arm(slot, task, slot.clock.startedAt, this.options.budgetMs);
  }

  private arm(slot: Slot, task: Task, startedAt: number, budgetMs: number): void {
    slot.clock = { startedAt, budgetMs };
    slot.timer = setTimeout(
      () => {
        this.restart(slot);
        task.reject(new ParseBudgetExceeded(task.request.key, budgetMs));
        this.pump();
      },
      Math.max(0, startedAt + budgetMs - performance.now()),
    );
  }

  private spawn(n: number): WorkerEndpoint {
    const endpoint = this.options.spawn();
    this.slots[n].ready = endpoint.interruptible === false;
    endpoint.onMessage((response) => this.finish(n, endpoint, response));
    endpoint.onError((error) => {
      const slot = this.slots[n];
      if (slot.endpoint !== endpoint) return;
      const task = slot.task;
      this.restart(slot);
      task?.reject(new Error(`the parse worker failed: ${error instanceof Error ? error.message : String(error)}`));
      this.pump();
    });
    return endpoint;
  }

  private finish(n: number, endpoint: WorkerEndpoint, response: WorkerResponse): void {
    const slot = this.slots[n];
    if (slot.endpoint !== endpoint) return;
    if (response.type === 'ready') {
      slot.ready = true;
      this.startClock(slot);
      return;
    }
    if (response.type === 'nested') {
      if (slot.task?.request.id === response.id) this.shortenClock(slot);
      return;
    }
    if (slot.task?.request.id !== response.id) return;
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.clock = undefined;
    if (response.type === 'parsed') task.resolve(response);
    else task.reject(new Error(response.message));
    this.pump();
  }

  /** Ends a worker (overrun or dead); the next task starts a fresh one. */
  private restart(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.clock = undefined;
    slot.task = undefined;
    slot.ready = false;
    slot.endpoint?.terminate();
    slot.endpoint = undefined;
  }
}

function hash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(h);
}
