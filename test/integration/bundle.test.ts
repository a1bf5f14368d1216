import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { activeExtension, openFile } from './support/helpers';

// Desktop only (it reads the bundle from disk): what activation loads.
describe('activation bundle', () => {
  before(async () => {
    await openFile('formats', 'incomplete.md');
  });

  it('loads a small bundle: the parser, the renderer and the completion probes load later', async () => {
    const ext = await activeExtension();
    const bundle = path.join(ext.extensionPath, 'dist', 'extension.js');
    // A fresh copy, so that the module cache does not answer: what loading the bundle costs at activation.
    const copy = path.join(os.tmpdir(), `star-activation-${process.pid}-${Date.now()}.js`);
    fs.copyFileSync(bundle, copy);
    const times: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        delete require.cache[copy];
        const start = performance.now();
        require(copy);
        times.push(performance.now() - start);
      }
    } finally {
      fs.rmSync(copy, { force: true });
    }
    const activateMs = (ext.exports as { activateMs: number }).activateMs;
    console.log(`    bundle ${(fs.statSync(bundle).size / 1024).toFixed(0)} KB loads in ${times.map((t) => t.toFixed(1)).join(', ')} ms (fresh require in this extension host); activate() took ${activateMs.toFixed(1)} ms`);
    const source = fs.readFileSync(bundle, 'utf8');
    assert.doesNotMatch(source, /micromark|hast-util-raw|parse5/, 'the markdown pipeline is not in the activation bundle');
    for (const lazy of ['worker.js']) assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', lazy)), `dist/${lazy} is built`);
  });
});
