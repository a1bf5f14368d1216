import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, openFile, workspaceRoot } from './support/helpers';

describe('activation', () => {
  it('runs in a real VS Code extension host with the example bank as workspace', () => {
    assert.ok(vscode.version, 'vscode.version');
    console.log(`    vscode ${vscode.version}, node ${process.versions.node ?? '-'}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, remote ${vscode.env.remoteName ?? '-'}, workspace ${workspaceRoot().fsPath}`);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is loaded`);
  });

  it('runs the copy this route tests: the development folder, the installed .vsix, or the web build in a web worker', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expectedDir = process.env.STAR_EXPECT_EXTENSION_DIR;
    if (expectedDir) {
      // The packaged route: loaded from the extensions folder the .vsix was installed into.
      assert.ok(ext.extensionUri.path.startsWith(vscode.Uri.file(expectedDir).path), `${ext.extensionUri.toString()} is not under ${expectedDir}`);
    }
    const inWebWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
    assert.strictEqual(inWebWorker, process.env.STAR_TEST_ROUTE === 'web-worker', `in a web worker: ${inWebWorker}, route ${process.env.STAR_TEST_ROUTE}`);
    if (inWebWorker) assert.strictEqual(ext.packageJSON.main, undefined, 'the web copy has no Node entry to fall back on');
  });

  it('activates when a markdown story file is opened', async () => {
    const editor = await openFile('formats', 'incomplete.md');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /# Deliver Results/);
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
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
    for (const lazy of ['render.js', 'complete.js', 'worker.js']) assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', lazy)), `dist/${lazy} is built`);
  });
});
