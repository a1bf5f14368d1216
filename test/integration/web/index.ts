// Mocha runner for the web worker extension host (no Node): the same test files as the desktop suite,
// bundled into one script with mocha's browser build (scripts/build.mjs, `webTests`). The harness runs it
// from a copy of the packaged extension whose manifest says `extensionKind: ["web"]`
// (scripts/run-vscode-tests.js --web-worker).
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../support/helpers';

/** The files of the suite that run on the web; those left out need a Node extension host. */
const WEB_SUITE = ['activation', 'bundle', 'contributions', 'diagnostics', 'hostile', 'parsing', 'tree', 'folding', 'preview', 'statusBar', 'completion', 'practice', 'export', 'realbanks'];

/** The harness's STAR_TEST_* variables, which a web worker cannot read from the environment: web-tests/env.json. */
async function readEnv(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'web-tests', 'env.json'));
  Object.assign(process.env, JSON.parse(new TextDecoder().decode(bytes)));
}

/**
 * Tests that fail on the web worker host only, each with what was seen. They are reported as pending with the
 * reason on every run, never dropped silently.
 */
const KNOWN_WEB_FAILURES: Record<string, string> = {};

export async function run(): Promise<void> {
  await readEnv();
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: Number(process.env.STAR_TEST_TIMEOUT_MS || 30000), grep: process.env.STAR_TEST_GREP || undefined });
  // Required after setup: the files call describe() as they load.
  const files: Record<string, () => unknown> = {
    activation: () => require('../activation.test'),
    bundle: () => require('./bundle.test'),
    contributions: () => require('../contributions.test'),
    diagnostics: () => require('../diagnostics.test'),
    hostile: () => require('../hostile.test'),
    parsing: () => require('../parsing.test'),
    tree: () => require('../tree.test'),
    folding: () => require('../folding.test'),
    preview: () => require('../preview.test'),
    statusBar: () => require('../statusBar.test'),
    completion: () => require('../completion.test'),
    practice: () => require('../practice.test'),
    export: () => require('../export.test'),
    realbanks: () => require('../realbanks.test'),
  };
  const only = process.env.STAR_TEST_FILES; // e.g. STAR_TEST_FILES=activation,tree
  const selected = only ? WEB_SUITE.filter((f) => only.split(',').some((s) => f.startsWith(s.trim()))) : WEB_SUITE;
  if (!selected.length) {
    console.log('0 passed, 1 failed');
    throw new Error(`no web test file matches STAR_TEST_FILES=${only}`);
  }
  mocha.suite.beforeEach(function () {
    const reason = this.currentTest && KNOWN_WEB_FAILURES[this.currentTest.title];
    if (reason) {
      console.log(`    [web worker host] not run: "${this.currentTest!.title}": ${reason}`);
      this.skip();
    }
  });
  for (const name of selected) files[name]();
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const total = runner.total;
        const skipped = runner.stats?.pending ?? 0;
        // The machine-readable summary line the harness looks for (skipped tests are not counted as passed).
        console.log(`${total - failures - skipped} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (total === 0) reject(new Error('no integration tests ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log('0 passed, 1 failed');
      reject(err);
    }
  });
}
