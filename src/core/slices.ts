/**
 * A function to await between units of work on a shared thread (the extension host): it gives the thread
 * back once `sliceMs` have passed since it last did, and says whether it did (then the caller may check
 * whether its work is still wanted).
 */
export function slicer(sliceMs = 8): () => Promise<boolean> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 0));
    since = performance.now();
    return true;
  };
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
