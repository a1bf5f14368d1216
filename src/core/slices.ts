/**
 * A function to await between units of work on a shared thread (the extension host): it gives the thread
 * back once `sliceMs` have passed since it last did, and says whether it did (then the caller may check
 * whether its work is still wanted).
 */
export function slicer(sliceMs = 8): () => Promise<boolean> {
  let since = holding(performance.now());
  return async () => {
    if (performance.now() - since < sliceMs) return false;
    await giveBack();
    since = holding(performance.now());
    return true;
  };
}

/** Since when sliced work has held the thread in this turn of the event loop; undefined once it was given back. */
let heldSince: number | undefined;

/**
 * Since when sliced work holds the thread, counting from `now` unless other sliced work began to hold it earlier in
 * this turn. A slice is measured from there: tasks sliced on their own (the problems of a thousand files, each
 * published in slices of 8 ms) would otherwise each take a slice of the same turn.
 */
function holding(now: number): number {
  if (heldSince === undefined) {
    heldSince = now;
    // A timer runs in a later turn, after this one's I/O and immediates.
    setTimeout(() => (heldSince = undefined), 0);
  }
  return Math.min(heldSince, now);
}

/**
 * Node's setImmediate where there is one: its callback runs after the I/O that is due, and one queued from inside such a
 * callback waits for the next turn of the event loop, after that turn's due timers. A Web Worker has setTimeout only.
 */
const later: (callback: () => void) => void = typeof setImmediate === 'function' ? (callback) => void setImmediate(callback) : (callback) => void setTimeout(callback, 0);

const waiting: (() => void)[] = [];

/**
 * Resolves after the I/O that is due. Whoever waits here takes turns: one waiter is resumed a turn of the event loop,
 * first come first served, so that pieces of work sliced apart never run back to back and the timers and I/O that came
 * due meanwhile run between them. (Each resumed with a timeout of its
 * own, the slices due at once all ran in one timer phase: the tree, the outline and a worker's answer, 10 ms a
 * slice each, held the extension host's thread for 40 ms and more, as one block.)
 */
export function giveBack(): Promise<void> {
  return new Promise((resolve) => {
    if (waiting.push(resolve) === 1) later(resumeNext);
  });
}

function resumeNext(): void {
  const next = waiting.shift();
  if (waiting.length) later(resumeNext);
  next?.();
}

/**
 * Runs steps (a generator that yields between them) on a shared thread, awaiting `pause` between them. After each
 * pause that gave the thread back, `stop` may end the run: the answer is then undefined, and the steps are left
 * where they were (to be resumed later, or dropped).
 */
export async function runSteps<T>(steps: Generator<void, T>, pause: () => Promise<boolean>, stop: () => boolean = () => false): Promise<{ value: T } | undefined> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value };
    if ((await pause()) && stop()) return undefined;
  }
}

/** Runs steps to their end on a shared thread, giving it back every `sliceMs`. */
export async function runStepsSliced<T>(steps: Generator<void, T>, sliceMs?: number): Promise<T> {
  return (await runSteps(steps, slicer(sliceMs)))!.value;
}
