import path from 'node:path';
import type { WorkerEndpoint } from '../core/worker/protocol';
import { spawnNodeWorker } from './spawnNode';

/**
 * defaultSpawner.ts as the CLI's build has it: the worker bundle is always beside the command's bundle, so
 * the in-process fallback (and with it the markdown pipeline) stays out of the bundle the process loads.
 */
export function defaultWorkerSpawner(): () => WorkerEndpoint {
  const file = path.join(__dirname, 'worker.js');
  return () => spawnNodeWorker(file);
}
