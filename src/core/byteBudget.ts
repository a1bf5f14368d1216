/**
 * Bytes held at once by work in flight (the scan's files read and not yet parsed): many small files may be in
 * flight together, few big ones. One taker always gets through, however big, when nothing else holds any.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Waits until `bytes` fit, holds them, and gives back a function that releases them (once). */
  async take(bytes: number): Promise<() => void> {
    while (this.used > 0 && this.used + bytes > this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used += bytes;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.used -= bytes;
      for (const wake of this.waiting.splice(0)) wake();
    };
  }

  get held(): number {
    return this.used;
  }
}
