import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, openFile } from '../support/helpers';

// Web worker host only (the installed .vsix, built by vscode:prepublish): what the web extension host loads.
describe('web bundles', () => {
  it('activation loads at most 300 KB, and the markdown pipeline is only in the worker bundle', async () => {
    await openFile('formats', 'incomplete.md');
    const ext = await activeExtension();
    const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'dist', 'web', name)));
    const [extension, worker] = await Promise.all([read('extension.js'), read('worker.js')]);
    console.log(`    dist/web/extension.js ${(extension.length / 1024).toFixed(1)} KB, dist/web/worker.js ${(worker.length / 1024).toFixed(1)} KB`);
    assert.ok(extension.length <= 300 * 1024, `dist/web/extension.js is ${extension.length} bytes`);
    // Names micromark and parse5 give their states and namespaces; minifying keeps string literals.
    for (const marker of ['htmlFlowData', 'codeFencedFence', 'http://www.w3.org/1999/xhtml']) {
      assert.ok(worker.includes(marker), `the worker bundle holds the pipeline (${marker})`);
      assert.ok(!extension.includes(marker), `the extension bundle does not (${marker})`);
    }
  });
});
