import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, openFile, workspaceRoot } from './support/helpers';

describe('activation', () => {
  it('runs in a real VS Code extension host with the example bank as workspace', () => {
    assert.ok(vscode.version, 'vscode.version');
    console.log(`    vscode ${vscode.version}, node ${process.versions.node}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, remote ${vscode.env.remoteName ?? '-'}, workspace ${workspaceRoot().fsPath}`);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is loaded`);
  });

  it('activates when a markdown story file is opened', async () => {
    const editor = await openFile('formats', 'incomplete.md');
    assert.strictEqual(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /# Deliver Results/);
    const ext = await activeExtension();
    assert.strictEqual(ext.isActive, true);
  });
});
