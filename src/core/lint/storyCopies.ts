import type { BankFileInput } from './types';
import type { Question } from '../model';
import { isAsciiLetterOrDigit } from '../text/chars';

/** Shorter stories are too alike by chance (two empty templates) to call copies. */
export const MIN_WORDS = 25;
/** Share of word triples two stories have in common (Jaccard) from which they are one story told twice. */
export const SAME_STORY = 0.8;
/** A triple many stories use ("i was asked") is looked at in its first stories only: a copy shares most of its triples, so it shows up under a rarer one as well. */
const MAX_CANDIDATES_PER_SHINGLE = 16;
/** Stories of one file compared or relinked between two yields of an update. */
const STORIES_PER_STEP = 200;

interface Fingerprint {
  words: number;
  /**
   * The story's word triples (see `tripleOf`), each once, in increasing order: 4 bytes a triple (a set of them took
   * about 35), compared by a merge. Its first `prefix` form the story's prefix in that one global order: two stories
   * alike at SAME_STORY or more share at least one triple of their prefixes (prefix filtering), so only stories that
   * do are compared.
   */
  shingles: Int32Array;
  prefix: number;
}

const fingerprints = new WeakMap<Question, Fingerprint>();

/**
 * A word as a number (FNV-1a of its characters). A triple of numbers is cheaper to make, keep and compare than a
 * string of three words (a third of the time over the 20 MB bench bank); it depends on the words alone, so that a
 * bank gets the same findings whatever was read before it.
 */
function wordOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a's 32-bit start and multiplier: `wordIds` hashes ASCII words as it reads them, and must give `wordOf`'s ids. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A triple of words as a 30-bit number (a small integer, which sets and maps keep unboxed). Two different triples
 * may share one, rarely (as may two words): two stories then count one more triple in common than they have, which moves their
 * similarity by a fraction of a percent.
 */
function tripleOf(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & 0x3fffffff;
}

/**
 * Appends the ids (`wordOf`) of a text's words, lower case: runs of letters and digits. An ASCII text is read
 * character by character (the words of a whole bank were strings made only to be hashed); any other goes through
 * `toLowerCase` and the pattern, whose case rules (a final sigma, a dotted capital I) a character alone does not tell.
 */
export function wordIds(text: string, ids: number[]): void {
  if (!/^[\x00-\x7f]*$/.test(text)) {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) ids.push(wordOf(word));
    return;
  }
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (isAsciiLetterOrDigit(c)) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      h = Math.imul(h ^ (c <= 90 && c >= 65 ? c | 32 : c), FNV_PRIME);
    } else if (inWord) {
      ids.push(h);
      inWord = false;
    }
  }
}

/** The story's words (all sections), lower case, as a set of word triples. */
function fingerprintOf(question: Question): Fingerprint {
  let found = fingerprints.get(question);
  if (!found) {
    const ids: number[] = [];
    for (const section of question.sections) wordIds(section.text, ids);
    const triples = new Int32Array(Math.max(0, ids.length - 2));
    for (let i = 0; i < triples.length; i++) triples[i] = tripleOf(ids[i], ids[i + 1], ids[i + 2]);
    triples.sort();
    let distinct = 0;
    for (let i = 0; i < triples.length; i++) if (i === 0 || triples[i] !== triples[i - 1]) triples[distinct++] = triples[i];
    const shingles = triples.slice(0, distinct);
    found = { words: ids.length, shingles, prefix: Math.max(0, distinct - Math.ceil(SAME_STORY * distinct) + 1) };
    fingerprints.set(question, found);
  }
  return found;
}

/** The prefix's triples (see Fingerprint). */
function prefixOf(fingerprint: Fingerprint): Int32Array {
  return fingerprint.shingles.subarray(0, fingerprint.prefix);
}

export function similarity(a: Question, b: Question): number {
  const x = fingerprintOf(a);
  const y = fingerprintOf(b);
  if (x.words < MIN_WORDS || y.words < MIN_WORDS) return 0;
  const shared = sharedTriples(x.shingles, y.shingles, () => false);
  return shared / (x.shingles.length + y.shingles.length - shared || 1);
}

/** Whether two stories are alike at SAME_STORY or more: `similarity`, but it stops at the first triple that rules it out. */
function alike(a: Fingerprint, b: Fingerprint): boolean {
  const [small, large] = a.shingles.length <= b.shingles.length ? [a.shingles, b.shingles] : [b.shingles, a.shingles];
  const union = small.length + large.length;
  const shared = sharedTriples(small, large, (missed) => {
    const best = small.length - missed;
    return best / (union - best || 1) < SAME_STORY;
  });
  return shared >= 0 && shared / (union - shared || 1) >= SAME_STORY;
}

/** How many triples two sorted lists share, by a merge; -1 as soon as `hopeless` says the misses so far of `small` rule it out. */
function sharedTriples(small: Int32Array, large: Int32Array, hopeless: (missed: number) => boolean): number {
  let shared = 0;
  let missed = 0;
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    const value = small[i];
    while (j < large.length && large[j] < value) j++;
    if (j < large.length && large[j] === value) {
      shared++;
      j++;
    } else if (hopeless(++missed)) return -1;
  }
  return shared;
}

/** A story of the bank where the index keeps it: the same entry while the story's words stay the same. */
export interface Located {
  file: BankFileInput;
  principle: string;
  question: Question;
  /** The first earlier copy: null when there is none, undefined until asked (or since an update could change it). */
  original?: Located | null;
  /** The stories whose first copy this is. */
  dependents?: Set<Located>;
}

/** Two sets whose sizes differ by more than the threshold allows cannot be alike at it. */
function sizesAllow(a: number, b: number): boolean {
  return Math.min(a, b) >= SAME_STORY * Math.max(a, b);
}

/** Bank order: by file, then by position in the file. */
function compare(a: Located, b: Located): number {
  return a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : a.question.range.start.offset - b.question.range.start.offset;
}

/** Whether two readings of a story have the same words, section by section: what must stay the same for a story to keep its entry (and its fingerprint) when its file is read again. */
function sameWords(a: Question, b: Question): boolean {
  if (a.sections.length !== b.sections.length) return false;
  for (let i = 0; i < a.sections.length; i++) if (a.sections[i].text !== b.sections[i].text) return false;
  return true;
}

/**
 * The stories of a bank by the shingles of their prefixes, each list in bank order, and each story's first
 * earlier copy once asked. Kept from one reading of the bank to the next: `update` swaps the files that
 * changed and forgets only the answers a change can alter, so that a pause in typing costs the edited
 * stories, not the bank (comparing every story again took seconds on a bank of a thousand files).
 */
export class StoryCopies {
  private readonly files = new Map<string, { input: BankFileInput; stories: Located[] }>();
  private readonly lists = new Map<number, Located[]>();
  private readonly located = new WeakMap<Question, Located>();

  /**
   * Brings the index to `bank` (every file of it, in any order), one story a step, and returns the keys of the
   * files whose findings may differ from those the index gave before: files that changed, and files holding
   * a story whose first copy may be another now or has moved.
   */
  *update(bank: readonly BankFileInput[]): Generator<void, Set<string>> {
    const touched = new Set<string>();
    const removed = new Set<Located>();
    const added = new Map<number, Located[]>();
    const seen = new Set<string>();
    for (const input of bank) {
      seen.add(input.uri);
      const before = this.files.get(input.uri);
      if (before && before.input.bank === input.bank && before.input.text === input.text) continue;
      touched.add(input.uri);
      const stories = yield* this.swap(before, input, removed, added, touched);
      this.files.set(input.uri, { input, stories });
    }
    for (const [uri, before] of this.files) {
      if (seen.has(uri)) continue;
      touched.add(uri);
      for (const story of before.stories) removed.add(story);
      this.files.delete(uri);
    }
    for (const story of removed) this.forget(story);
    yield* this.relist(removed, added, touched);
    return touched;
  }

  /** The entry of a story of the bank as last updated; undefined for a story the index has not read. */
  locate(question: Question): Located | undefined {
    return this.located.get(question);
  }

  /** The first story of the bank before `story` that tells nearly the same story, if any. */
  originalOf(story: Located): Located | undefined {
    if (story.original === undefined) {
      story.original = this.findOriginal(story) ?? null;
      if (story.original) (story.original.dependents ??= new Set()).add(story);
    }
    return story.original ?? undefined;
  }

  private findOriginal(story: Located): Located | undefined {
    const fingerprint = fingerprintOf(story.question);
    if (fingerprint.words < MIN_WORDS) return undefined;
    const size = fingerprint.shingles.length;
    let original: Located | undefined;
    // Stories of one template share most of their prefixes: each candidate is compared once, however many lists hold it.
    const unlike = new Set<Located>();
    for (const shingle of prefixOf(fingerprint)) {
      // In bank order: the first alike story of a list is its earliest copy, and nothing after it can be earlier.
      let looked = 0;
      for (const candidate of this.lists.get(shingle) ?? []) {
        if (looked++ === MAX_CANDIDATES_PER_SHINGLE) break;
        if (compare(candidate, story) >= 0 || (original && compare(candidate, original) >= 0)) break;
        if (unlike.has(candidate)) continue;
        const other = fingerprintOf(candidate.question);
        if (!sizesAllow(size, other.shingles.length)) continue;
        if (!alike(fingerprint, other)) {
          unlike.add(candidate);
          continue;
        }
        original = candidate;
        break;
      }
    }
    return original;
  }

  /**
   * The file's stories as entries: a story whose words are those of the story at its place before (counted from
   * the start or from the end of the file) keeps its entry; the others are new, and the old ones left over go.
   */
  private *swap(before: { input: BankFileInput; stories: Located[] } | undefined, input: BankFileInput, removed: Set<Located>, added: Map<number, Located[]>, touched: Set<string>): Generator<void, Located[]> {
    const questions = input.bank.principles.flatMap((principle) => principle.questions.map((question) => ({ principle: principle.title, question })));
    const old = before?.stories ?? [];
    // A file of thousands of stories (one changed): compared, then relinked, a few hundred a step.
    let head = 0;
    while (head < old.length && head < questions.length && sameWords(old[head].question, questions[head].question)) {
      if (++head % STORIES_PER_STEP === 0) yield;
    }
    let tail = 0;
    while (tail < old.length - head && tail < questions.length - head && sameWords(old[old.length - 1 - tail].question, questions[questions.length - 1 - tail].question)) {
      if (++tail % STORIES_PER_STEP === 0) yield;
    }
    const stories: Located[] = [];
    for (const [i, { principle, question }] of questions.entries()) {
      if (i % STORIES_PER_STEP === STORIES_PER_STEP - 1) yield;
      const kept = i < head ? old[i] : i >= questions.length - tail ? old[old.length - questions.length + i] : undefined;
      if (kept) {
        fingerprints.set(question, fingerprintOf(kept.question));
        kept.file = input;
        kept.principle = principle;
        kept.question = question;
        // Its copies point at it by title and position: their findings are made again.
        for (const dependent of kept.dependents ?? []) touched.add(dependent.file.uri);
        this.located.set(question, kept);
        stories.push(kept);
      }
    }
    for (let i = head; i < old.length - tail; i++) removed.add(old[i]);
    for (let i = head; i < questions.length - tail; i++) {
      const { principle, question } = questions[i];
      const story: Located = { file: input, principle, question };
      this.located.set(question, story);
      stories.splice(i, 0, story);
      const fingerprint = fingerprintOf(question);
      yield;
      if (fingerprint.words < MIN_WORDS) continue;
      for (const shingle of prefixOf(fingerprint)) {
        const list = added.get(shingle);
        if (list) list.push(story);
        else added.set(shingle, [story]);
      }
    }
    return stories;
  }

  /** A story that leaves the index: its first copy no longer counts it among its copies. */
  private forget(story: Located): void {
    if (story.original) story.original.dependents?.delete(story);
  }

  private recheck(story: Located, touched: Set<string>): void {
    this.forget(story);
    story.original = undefined;
    touched.add(story.file.uri);
  }

  /**
   * Takes the stories gone out of their lists and merges the new ones in. A list whose first
   * MAX_CANDIDATES_PER_SHINGLE entries stayed the same looks the same to every story (none looks further);
   * otherwise every story after the first change may find another first copy now, and is asked again. (A story
   * whose first copy goes is among them: it found that copy in the first entries of a list they share.)
   */
  private *relist(removed: Set<Located>, added: Map<number, Located[]>, touched: Set<string>): Generator<void, void> {
    const shingles = new Set(added.keys());
    for (const story of removed) {
      const fingerprint = fingerprintOf(story.question);
      if (fingerprint.words >= MIN_WORDS) for (const shingle of prefixOf(fingerprint)) shingles.add(shingle);
    }
    for (const shingle of shingles) {
      const list = this.lists.get(shingle) ?? [];
      let firstChange = Infinity;
      const kept: Located[] = [];
      for (const story of list) {
        if (removed.has(story)) firstChange = Math.min(firstChange, kept.length);
        else kept.push(story);
      }
      const incoming = (added.get(shingle) ?? []).sort(compare);
      const merged: Located[] = [];
      let i = 0;
      for (const story of incoming) {
        while (i < kept.length && compare(kept[i], story) < 0) merged.push(kept[i++]);
        firstChange = Math.min(firstChange, merged.length);
        merged.push(story);
      }
      while (i < kept.length) merged.push(kept[i++]);
      if (merged.length) this.lists.set(shingle, merged);
      else this.lists.delete(shingle);
      if (firstChange < MAX_CANDIDATES_PER_SHINGLE) for (let k = firstChange; k < merged.length; k++) this.recheck(merged[k], touched);
      yield;
    }
  }
}
