import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, openFile, wsFile } from './support/helpers';

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('export', function () {
  this.timeout(60000);

  before(async () => {
    await openFile('seed', 'Customer Obsession.md');
    await activeExtension();
  });

  it('exports the example bank to one standalone HTML page', async () => {
    const target = wsFile('exported-bank.html');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('starAnswers.exportHtml', target);
      assert.strictEqual(written?.toString(), target.toString());
      const html = await read(target);
      assert.strictEqual((html.match(/<details class="story"/g) ?? []).length, 13);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /https?:\/\//i, 'nothing refers to the network');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src (?:'|&#x27;)none(?:'|&#x27;);/);
      assert.match(html, /<nav class="toc"/);
      assert.match(html, /<th scope="row">Frugality<\/th><td class="num">0<\/td><td class="num">0<\/td><td class="short">Needs 2 more<\/td>/);
      assert.match(html, /13 stories under 6 principles/);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('exports a cleaned markdown bank that reads back as the same stories', async () => {
    const target = wsFile('exported-bank.md');
    try {
      await vscode.commands.executeCommand('starAnswers.exportMarkdown', target);
      const markdown = await read(target);
      assert.strictEqual((markdown.match(/^<details>$/gm) ?? []).length, 13);
      assert.strictEqual((markdown.match(/^# /gm) ?? []).length, 6);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
