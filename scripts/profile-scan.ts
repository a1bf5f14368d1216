/**
 * Profiles one parse worker's handling of a generated bank, in this process: every file through the worker's
 * request handler as `star-answers lint --jobs 1` sends it. Run with node's --cpu-prof to see where time goes.
 *   npx tsx scripts/profile-scan.ts [MB=2] [rounds=1]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/lint/config';
import { createRequestHandler } from '../src/core/worker/handler';
import { writeBank } from './bench/banks';

const size = Number(process.argv[2] ?? 2);
const rounds = Number(process.argv[3] ?? 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'star-profile-'));
writeBank(dir, size * 1024 * 1024);
const files: { name: string; text: string }[] = [];
for (const sub of fs.readdirSync(dir)) for (const f of fs.readdirSync(path.join(dir, sub))) files.push({ name: `${sub}/${f}`, text: fs.readFileSync(path.join(dir, sub, f), 'utf8') });
fs.rmSync(dir, { recursive: true, force: true });
const handle = createRequestHandler();
let id = 0;
for (let r = 0; r < rounds; r++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let findings = 0;
  for (const file of files) {
    const response = handle({ type: 'parse', id: ++id, key: file.name, version: 1, text: file.text, fileName: file.name, skipStoryless: true, lint: { ...DEFAULT_CONFIG, rules: {} }, findingsOnly: true });
    if (response?.type === 'parsed') findings += response.findings?.length ?? 0;
    else if (response?.type === 'error') throw new Error(response.message);
  }
  const used = process.cpuUsage(cpu);
  console.log(`round ${r + 1}: ${files.length} files, ${(files.reduce((n, f) => n + f.text.length, 0) / 1048576).toFixed(2)} MB, ${findings} findings, ${(performance.now() - start).toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)`);
}
