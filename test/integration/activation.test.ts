import * as assert from 'node:assert';
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

});
