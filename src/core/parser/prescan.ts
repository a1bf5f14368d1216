import { matchLabel } from './labels';

/**
 * Where a section label can start: a line start, or after a tag (`<b>`), a table bar, emphasis or a link
 * bracket; then list, heading, quote and number markers and tags; then the candidate up to a colon or
 * the next markup. Generous on purpose: a false "maybe" costs a parse, a false "no" loses a story.
 */
const CANDIDATE = /(?:^|[>|*_[`])(?:[ \t\uFEFF#>*_+\-•|[`]|\d{1,9}[.)]|<[^>\r\n]*>)*(\p{L}[^:：*_<|\]`\r\n]{0,60})/gmu;

/**
 * Cheap test of whether a text can hold a story (a section label somewhere a label is read): when it
 * says no, parseBank would find no story either (`hasStories` false), so callers that only want stories
 * (the CLI's lint, a folder's outline) skip the parse. Reads each line once, with no tree.
 */
export function mayHoldStory(text: string): boolean {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (matchLabel(m[1].replace(/[ \t]*#*[ \t]*$/, ''))) return true;
  }
  return false;
}
