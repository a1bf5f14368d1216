/**
 * Values gathered for `delayMs` after the first and handed to `send` together, the last value of each key. The
 * diagnostics use it for files read from disk: each call of a collection's `set` is one message to the window
 * (which a remote extension host compresses on its own thread), and a scan brings a file every few milliseconds.
 */
export class Batch<V> {
  private readonly waiting = new Map<string, V>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (values: V[]) => void,
    private readonly delayMs: number,
  ) {}

  add(key: string, value: V): void {
    this.waiting.set(key, value);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  delete(key: string): void {
    this.waiting.delete(key);
  }

  has(key: string): boolean {
    return this.waiting.has(key);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const values = [...this.waiting.values()];
    this.waiting.clear();
    if (values.length) this.send(values);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting.clear();
  }
}
