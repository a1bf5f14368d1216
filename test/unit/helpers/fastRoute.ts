import assert from 'node:assert/strict';
import fc from 'fast-check';

/**
 * For a fast route beside a full one: `sameTree` asserts both give the same result where the fast route
 * reads the text and says whether it did. Runs it on `runs` generated texts and asserts that at least
 * one in `oneIn` took the fast route, so that the test cannot pass by reading nothing.
 */
export function assertFastRouteOften(texts: fc.Arbitrary<string>, sameTree: (text: string, where: string) => boolean, options: { runs: number; oneIn: number }): void {
  let fast = 0;
  let runs = 0;
  fc.assert(
    fc.property(texts, (text) => {
      runs++;
      if (sameTree(text, JSON.stringify(text))) fast++;
    }),
    { numRuns: options.runs },
  );
  assert.ok(fast * options.oneIn >= runs, `only ${fast} of ${runs} documents took the fast route`);
}
