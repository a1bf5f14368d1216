// What both of the CLI's caches go by: a file's kept result (cache.ts) and a run's kept answer (lastRun.ts).
// Nothing here loads more than Node's own process object: cli.js reads it before it loads any command.

/**
 * A file modified within this long of its reading might keep the modification time it had (coarse
 * clocks of some file systems: two seconds on FAT): its stamp alone does not say it is unchanged.
 */
export const RACY_MS = 2000;

/** What the name order of a folder's files depends on: the locale, which ICU takes from these variables, and ICU's version. */
export function pathOrderLocale(): string {
  return [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG, process.versions.icu].join('|');
}
