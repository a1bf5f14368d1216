/**
 * One collator, built on first use: building one loads the locale's collation data, which a module
 * evaluated at activation should not pay for before anything is sorted.
 */
export function lazyCollator(options?: Intl.CollatorOptions): () => Intl.Collator {
  let collator: Intl.Collator | undefined;
  return () => (collator ??= new Intl.Collator(undefined, options));
}
