/**
 * Numbers in a story's Result, for highlighting. Whether a result is quantified at all is
 * src/core/lint/quantity.ts's `isQuantified` (the unquantified-result rule's own test).
 */

/** A number as written: currency, digits with separators, and a %, multiplier or magnitude right after. */
const METRIC = /(?<![\p{L}\p{N}_])(?:[$€£¥₹]\s?)?[+-]?\d+(?:[.,]\d+)*(?:\s?%|\s?percent\b|\s?pp\b|x\b|×|k\b|K\b|M\b|bn\b|B\b)?(?![\p{L}\p{N}])/gu;

/** The [start, end) ranges of the numbers in a text. */
export function metricRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  METRIC.lastIndex = 0;
  for (let m = METRIC.exec(text); m; m = METRIC.exec(text)) {
    if (m[0].length === 0) METRIC.lastIndex++;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
