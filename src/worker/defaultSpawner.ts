import fs from 'node:fs';
import path from 'node:path';
import type { WorkerEndpoint } from '../core/worker/protocol';
import { inProcessEndpoint } from './inProcess';
import { spawnNodeWorker } from './spawnNode';

/** The bundled worker when there is one beside this file (a build), else the same handler in-process (running from source). */
export function defaultWorkerSpawner(): () => WorkerEndpoint {
  const file = path.join(__dirname, 'worker.js');
  return fs.existsSync(file) ? () => spawnNodeWorker(file) : inProcessEndpoint;
}
