declare const STAR_ANSWERS_VERSION: string;

/** The package version, set by the build (scripts/build.mjs); "development" when run from source. */
export const VERSION = typeof STAR_ANSWERS_VERSION === 'string' ? STAR_ANSWERS_VERSION : 'development';
