import { giveBack } from '../../core/slices';

/** How much of a batch goes in one call: values weigh `weight`, a call carries at most `most` (a heavier value goes alone). */
export interface BatchLimit<V> {
  weight: (value: V) => number;
  most: number;
}

/**
 * Values gathered for `delayMs` after the first and handed to `send` together, the last value of each key. The
 * diagnostics use it for files read from disk: each call of a collection's `set` is one message to the window
 * (which a remote extension host compresses on its own thread), and a scan brings a file every few milliseconds.
 * With a `limit`, a heavy batch goes in parts, the thread given back between them; a value added again or taken
 * out meanwhile is not sent from the older part.
 */
export class Batch<V> {
  private readonly waiting = new Map<string, V>();
  /** Values of a flushed batch not sent yet (a batch in parts). */
  private readonly sending = new Map<string, V>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts parts asked for: a turn given back for an older one (before a flush, a dispose) sends nothing. */
  private partTicket = 0;

  constructor(
    private readonly send: (values: V[]) => void,
    private readonly delayMs: number,
    private readonly limit?: BatchLimit<V>,
  ) {}

  add(key: string, value: V): void {
    this.sending.delete(key);
    this.waiting.set(key, value);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  delete(key: string): void {
    this.waiting.delete(key);
    this.sending.delete(key);
  }

  /** Whether a value of the key is waiting to be sent. */
  has(key: string): boolean {
    return this.waiting.has(key) || this.sending.has(key);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [key, value] of this.waiting) this.sending.set(key, value);
    this.waiting.clear();
    this.sendPart();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.partTicket++;
    this.waiting.clear();
    this.sending.clear();
  }

  private sendPart(): void {
    const ticket = ++this.partTicket;
    const part: V[] = [];
    let weight = 0;
    for (const [key, value] of this.sending) {
      const more = this.limit?.weight(value) ?? 0;
      if (this.limit && part.length && weight + more > this.limit.most) break;
      part.push(value);
      weight += more;
      this.sending.delete(key);
    }
    if (part.length) this.send(part);
    if (this.sending.size) void giveBack().then(() => ticket === this.partTicket && this.sendPart());
  }
}
