/**
 * Work written as a generator that yields between steps, so that a host can slice it (give its thread back
 * between steps); this runs it to its end in one go, for callers that need not.
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
