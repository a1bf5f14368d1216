import path from 'node:path';
import type { WorkerEndpoint } from '../core/worker/protocol';
import { spawnNodeWorker } from './spawnNode';

/**
 * defaultSpawner.ts as the CLI's build has it: the worker bundle is always beside the command's bundle, so
 * the in-process fallback (and with it the markdown pipeline) stays out of the bundle the process loads.
 */
export function defaultWorkerSpawner(): () => WorkerEndpoint {
  const file = path.join(__dirname, 'worker.js');
  return () => spawnNodeWorker(file, { youngGenerationMb: CLI_YOUNG_GENERATION_MB });
}

/**
 * A CLI worker reads file after file and keeps little of each: a young generation larger than V8's default collects
 * less often (cold lint of the bench's 2.3 MB bank: 0.93 to 0.97 of the time with 64 or 128 MB, medians of 9 to 11
 * pairs side by side; no change with 32). The editor's workers keep V8's default (48 MB made no difference there).
 */
const CLI_YOUNG_GENERATION_MB = 64;
