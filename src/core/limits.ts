/** Larger story bank files are not read: remark needs seconds a megabyte, and no bank is this large. */
export const MAX_STORY_FILE_BYTES = 5 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `This file is too large to read as a story bank (${mb(bytes)}; the limit is ${mb(MAX_STORY_FILE_BYTES)}). Split it into one file per principle.`;
}
