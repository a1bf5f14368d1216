/** Larger story bank files are not read: remark needs seconds a megabyte, and no bank is this large. */
export const MAX_STORY_FILE_BYTES = 5 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `This file is too large to read as a story bank (${mb(bytes)}; the limit is ${mb(MAX_STORY_FILE_BYTES)}). Split it into one file per principle.`;
}

/** The longest a file may take to read in a worker before the worker is ended and the file skipped. */
export const PARSE_BUDGET_MS = 4_000;

/**
 * What each megabyte of ordinary markdown adds to the budget: a big bank is slow to read on a busy
 * machine, not hostile. Text nested hundreds deep (what the budget is for) gets the base budget only.
 * A megabyte takes a worker about 3 s on an idle 2-core machine and more than twice that under load; a
 * big file cut short keeps no reading, so every keystroke in it would read it all again.
 */
export const PARSE_BUDGET_MS_PER_MB = 10_000;
const DEEP_NESTING = /^(?:[ \t]{200,}|(?:[ \t]*>){64,})/m;

/** Text nested hundreds deep: what can take a worker past its budget. */
export function isDeeplyNested(text: string): boolean {
  return DEEP_NESTING.test(text);
}

/** Below this allowance (files under about 100 KB) the text is not searched for deep nesting: it would cost every file. */
const ALLOWANCE_NOT_CHECKED_MS = 1_000;

function allowanceFor(length: number): number {
  return Math.round((length / (1024 * 1024)) * PARSE_BUDGET_MS_PER_MB);
}

/** A text's budget: the base, and for ordinary markdown what its size adds. */
export function parseBudgetFor(text: string, base = PARSE_BUDGET_MS): number {
  return shortensBudget(text) ? base : base + allowanceFor(text.length);
}

/**
 * The budget of a text of this length until its nesting is known. The pool starts a file's clock with it; the worker
 * searches the text and says so at once when `shortensBudget` (3 to 4 ms a megabyte, off the host's thread, which
 * used to do it for every keystroke in a big open document).
 */
export function parseBudgetBeforeCheck(length: number, base = PARSE_BUDGET_MS): number {
  return base + allowanceFor(length);
}

/** Large enough to be searched, and nested hundreds deep: the text gets the base budget only. */
export function shortensBudget(text: string): boolean {
  return allowanceFor(text.length) >= ALLOWANCE_NOT_CHECKED_MS && isDeeplyNested(text);
}

export function overBudgetMessage(budgetMs: number): string {
  return `This file took longer than ${budgetMs / 1000} s to read as a story bank and was skipped (lists or quotes nested hundreds deep can do this). Simplify its nesting or split it into one file per principle.`;
}
