/** Larger story bank files are not read: remark needs seconds a megabyte, and no bank is this large. */
export const MAX_STORY_FILE_BYTES = 5 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `This file is too large to read as a story bank (${mb(bytes)}; the limit is ${mb(MAX_STORY_FILE_BYTES)}). Split it into one file per principle.`;
}

/** The longest a file may take to read in a worker before the worker is ended and the file skipped. */
export const PARSE_BUDGET_MS = 4_000;

export function overBudgetMessage(budgetMs: number): string {
  return `This file took longer than ${budgetMs / 1000} s to read as a story bank and was skipped (lists or quotes nested hundreds deep can do this). Simplify its nesting or split it into one file per principle.`;
}
