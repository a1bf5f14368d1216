import fc from 'fast-check';

/**
 * Property tests draw the same cases on every run, so a red CI run is a change's doing and reproduces
 * anywhere. STAR_PROPERTY_SEED picks other cases: a number, or "random" for a new seed each run
 * (fast-check prints the seed of a failure).
 */
const setting = process.env.STAR_PROPERTY_SEED ?? '20261201';
if (setting !== 'random') {
  const seed = Number(setting);
  if (!Number.isInteger(seed)) throw new Error(`STAR_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(setting)}`);
  fc.configureGlobal({ seed });
}
