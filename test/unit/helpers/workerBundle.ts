import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let built: string | undefined;

/** The parse worker bundled as the build bundles it (once per test run), so tests run the real entry. */
export async function workerBundle(): Promise<string> {
  if (built) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-worker-'));
  const outfile = path.join(dir, 'worker.js');
  await esbuild.build({ entryPoints: [path.resolve(__dirname, '../../../src/worker/node.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  built = outfile;
  return outfile;
}
