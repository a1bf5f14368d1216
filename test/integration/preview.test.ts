import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, canScreenshot, openFile, screenshot, waitFor, wsFile } from './support/helpers';

/** What the hidden `starAnswers._previewState` command reports for each open preview. */
interface PreviewInfo {
  viewType: string;
  resource: string;
  locked: boolean;
  renderedVersion?: number;
  shownVersion: number;
  /** The document whose version shownVersion is. */
  shownResource?: string;
  shownStory?: string;
  touchedStories?: string[];
  title: string;
  stories: { id: string; title: string; startLine: number; endLine: number }[];
  html: string;
}

const VIEW_TYPE = 'starAnswers.preview';

async function previews(): Promise<PreviewInfo[]> {
  return (await vscode.commands.executeCommand<PreviewInfo[]>('starAnswers._previewState')) ?? [];
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

/** Waits until the webview itself reports the document's version on screen. */
async function shown(document: vscode.TextDocument, what: string): Promise<PreviewInfo> {
  try {
    return await waitFor(async () => (await previews()).find((p) => p.resource === document.uri.toString() && p.shownResource === document.uri.toString() && p.shownVersion === document.version), what, 20000);
  } catch (error) {
    const state = (await previews()).map(({ html: _html, stories: _stories, ...rest }) => rest);
    throw new Error(`${(error as Error).message}; ${document.uri.toString()} is at version ${document.version}; previews: ${JSON.stringify(state)}; active editor: ${vscode.window.activeTextEditor?.document.uri.toString()}; tabs: ${JSON.stringify(vscode.window.tabGroups.all.map((g) => ({ column: g.viewColumn, active: g.activeTab?.label, tabs: g.tabs.map((t) => t.label) })))}`);
  }
}

/**
 * The seed in the first editor group with the preview beside it, as a user works. A webview behind another tab
 * is hidden and acknowledges nothing until it is shown again, so a test that waits on it needs it in view.
 */
async function seedBesidePreview(): Promise<vscode.TextEditor> {
  return besidePreview(await vscode.workspace.openTextDocument(wsFile('seed', 'Customer Obsession.md')));
}

/** A document in the first editor group with the preview open beside it, never behind it. */
async function besidePreview(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const seed = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  if (!previewTabs().length) {
    await vscode.commands.executeCommand('starAnswers.openPreviewToSide');
    await waitFor(() => previewTabs()[0] && previewTabs()[0].group.viewColumn !== seed.viewColumn, 'the preview beside the document');
    return vscode.window.showTextDocument(seed.document, seed.viewColumn);
  }
  const tab = previewTabs()[0];
  if (tab && tab.group.viewColumn === seed.viewColumn) {
    // The web workbench closes the editor of a deleted file (the previous test deletes its file), and with it
    // the first group, so the seed opens in the preview's group: move the preview beside it, as Open Preview to the Side does.
    console.log(`    (the preview shared the seed's editor group: ${JSON.stringify(tab.group.tabs.map((t) => t.label))}; moved beside it)`);
    await vscode.commands.executeCommand('starAnswers.openPreviewToSide');
    await waitFor(() => previewTabs()[0] && previewTabs()[0].group.viewColumn !== seed.viewColumn, 'the preview beside the seed');
    return vscode.window.showTextDocument(seed.document, seed.viewColumn);
  }
  return seed;
}

describe('preview', function () {
  this.timeout(60000);

  before(async () => {
    await openFile('seed', 'Customer Obsession.md');
    await activeExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a webview panel beside the seed, rendered by the webview itself', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openFile('seed', 'Customer Obsession.md');
    // Cursor in the first story: the preview opens it and brings it into view.
    editor.selection = new vscode.Selection(12, 4, 12, 4);
    await vscode.commands.executeCommand('starAnswers.openPreviewToSide');
    const tab = await waitFor(() => previewTabs()[0], 'a webview tab with our viewType');
    assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, 'the preview is beside the editor');
    const info = await shown(editor.document, 'the webview to show the seed');
    assert.strictEqual(info.stories.length, 2);
    assert.strictEqual((info.html.match(/<details class="story"/g) ?? []).length, 2);
    assert.strictEqual((info.html.match(/class="star-label"/g) ?? []).length, 8);
    assert.match(info.html, /<mark class="metric">19%<\/mark>/);
    assert.match(info.title, /^STAR Preview Customer Obsession\.md$/);
    await waitFor(async () => (await previews())[0]?.shownStory === 's-0-0', 'the story under the cursor to be brought into view');
    if (canScreenshot) assert.ok(await screenshot('preview'));
  });

  it('updates while typing, and follows the cursor', async () => {
    const uri = wsFile('preview-live.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Ownership\n\n**Question:** First?\n\n**Situation:** One.\n**Task:** Two.\n**Action:** Three.\n**Result:** 4 wins.\n'));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      // The unlocked preview follows the active markdown editor.
      await shown(document, 'the preview to follow the new file');
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(document.lineCount, 0), '\n**Question:** Second?\n\n**Situation:** Later.\n**Task:** More.\n**Action:** I did it.\n**Result:** Saved 42%.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const info = await shown(document, 'the preview to show the edit');
      assert.deepStrictEqual(info.stories.map((s) => s.title), ['First?', 'Second?']);
      assert.match(info.html, /<mark class="metric">42%<\/mark>/);
      editor.selection = new vscode.Selection(13, 0, 13, 0);
      await waitFor(async () => (await previews())[0]?.shownStory === 's-0-1', 'the second story to be brought into view');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('redraws only the story an edit changed, moving the lines of the others', async () => {
    const uri = wsFile('preview-patch.md');
    const story = (n: number) => `## Story ${n}\n\n**Question:** Question ${n}?\n\n**Situation:** Start ${n}.\n\n**Task:** Goal ${n}.\n\n**Action:** I did ${n} things.\n\n**Result:** ${n}0% better.\n\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`# Ownership\n\n${story(1)}${story(2)}${story(3)}`));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await besidePreview(document);
      const first = await shown(document, 'the preview to show the new file');
      assert.deepStrictEqual(first.stories.map((s) => s.id), ['s-0-0', 's-0-1', 's-0-2']);

      // A word in the third story: the webview redraws that story, and only it.
      let edit = new vscode.WorkspaceEdit();
      const result3 = document.getText().lastIndexOf('30% better');
      edit.insert(uri, document.positionAt(result3), 'about ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      let info = await shown(document, 'the preview to show the word');
      assert.deepStrictEqual(info.touchedStories, ['s-0-2']);
      assert.match(info.html, /about <mark class="metric">30%<\/mark>/);

      // A new paragraph in the first story: that story is redrawn, the others only move down two lines.
      edit = new vscode.WorkspaceEdit();
      const start1 = document.getText().indexOf('Start 1.') + 'Start 1.'.length;
      edit.insert(uri, document.positionAt(start1), '\n\nA second paragraph.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      info = await shown(document, 'the preview to show the new paragraph');
      assert.deepStrictEqual(info.touchedStories, ['s-0-0']);
      assert.match(info.html, /A second paragraph\./);
      assert.deepStrictEqual(
        info.stories.map((s) => s.startLine),
        first.stories.map((s, i) => s.startLine + (i > 0 ? 2 : 0)),
      );

      // The cursor in the third story, at its new place, still brings it into view.
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(info.stories[2].startLine + 4, 0, info.stories[2].startLine + 4, 0);
      await waitFor(async () => (await previews())[0]?.shownStory === 's-0-2', 'the third story to be brought into view');

      // A story added changes the page around the stories: the whole content is sent.
      edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(document.lineCount, 0), story(4));
      assert.ok(await vscode.workspace.applyEdit(edit));
      info = await shown(document, 'the preview to show the new story');
      assert.deepStrictEqual(info.touchedStories, ['s-0-0', 's-0-1', 's-0-2', 's-0-3']);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('locks to its file, and follows the editor again when unlocked', async () => {
    const seed = await seedBesidePreview();
    await shown(seed.document, 'the preview of the seed');
    await vscode.commands.executeCommand('starAnswers.togglePreviewLock');
    let [info] = await previews();
    assert.strictEqual(info.locked, true);
    assert.match(info.title, /^\[Locked\] /);
    const other = await openFile('formats', 'headings.md');
    // A locked preview stays on its file.
    await new Promise<void>((resolve) => setTimeout(resolve, 0)); // a turn for a (wrong) follow to happen
    [info] = await previews();
    assert.strictEqual(info.resource, seed.document.uri.toString());
    await vscode.commands.executeCommand('starAnswers.togglePreviewLock');
    info = await shown(other.document, 'the unlocked preview to follow headings.md');
    assert.strictEqual(info.locked, false);
    assert.strictEqual(previewTabs().length, 1, 'still one preview');
  });

  it('Lock and Unlock set the lock (they do not toggle it)', async () => {
    const seed = await seedBesidePreview();
    await shown(seed.document, 'the preview of the seed');
    try {
      await vscode.commands.executeCommand('starAnswers.lockPreview');
      await vscode.commands.executeCommand('starAnswers.lockPreview');
      assert.strictEqual((await previews())[0].locked, true, 'locked after Lock twice');
      await vscode.commands.executeCommand('starAnswers.unlockPreview');
      await vscode.commands.executeCommand('starAnswers.unlockPreview');
      assert.strictEqual((await previews())[0].locked, false, 'unlocked after Unlock twice');
    } finally {
      await vscode.commands.executeCommand('starAnswers.unlockPreview');
    }
  });

  it('redraws when starAnswers.wordsPerMinute changes, without a reload', async () => {
    const seed = await seedBesidePreview();
    const before = await shown(seed.document, 'the preview of the seed');
    const time = (html: string) => /(\d+) words · (\d+):(\d\d)/.exec(html);
    const first = time(before.html);
    assert.ok(first, 'a length badge');
    const config = vscode.workspace.getConfiguration('starAnswers');
    await config.update('wordsPerMinute', 60, vscode.ConfigurationTarget.Workspace);
    try {
      const words = Number(first[1]);
      const expected = `${words} words · ${Math.floor(words / 60)}:${String(words % 60).padStart(2, '0')}`;
      await waitFor(async () => (await previews())[0]?.html.includes(expected), `the badge to read "${expected}" at 60 words a minute`, 10000);
    } finally {
      await config.update('wordsPerMinute', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(async () => (await previews())[0]?.html.includes(first[0]), 'the badge back at the default pace', 10000);
  });

  it('shows the last of two files asked for in a row, not whichever was read last', async () => {
    const a = wsFile('preview-race-a.md');
    const b = wsFile('preview-race-b.md');
    const story = (q: string) => `# Ownership\n\n**Question:** ${q}\n\n**Situation:** One.\n**Task:** Two.\n**Action:** Three.\n**Result:** 4 wins.\n`;
    await vscode.workspace.fs.writeFile(a, new TextEncoder().encode(story('From A?')));
    await vscode.workspace.fs.writeFile(b, new TextEncoder().encode(story('From B?')));
    try {
      // Neither file is open: each render waits for its document, and the first may arrive last.
      await Promise.all([vscode.commands.executeCommand('starAnswers.openPreview', a), vscode.commands.executeCommand('starAnswers.openPreview', b)]);
      const info = await waitFor(async () => (await previews()).find((p) => !p.locked && p.resource === b.toString() && p.renderedVersion !== undefined && p.shownResource === b.toString() && p.shownVersion >= 1), 'the preview of b');
      await waitFor(async () => {
        const p = (await previews()).find((x) => !x.locked);
        return p?.resource === b.toString() && p.stories.map((s) => s.title).join() === 'From B?';
      }, `the stories of b (shown: ${info.stories.map((s) => s.title).join()})`, 5000);
    } finally {
      await vscode.workspace.fs.delete(a);
      await vscode.workspace.fs.delete(b);
    }
  });

  it('contributes commands, title button and keybindings that do not clash with the markdown preview', () => {
    const pkg = vscode.extensions.getExtension('star-answers.star-answers')!.packageJSON;
    const keys = (pkg.contributes.keybindings as { command: string; key: string; mac?: string }[]).filter((k) => k.command.startsWith('starAnswers.openPreview'));
    assert.strictEqual(keys.length, 2);
    const builtIn = ['ctrl+shift+v', 'ctrl+k v', 'ctrl+k ctrl+alt+s'];
    for (const k of keys) assert.ok(!builtIn.includes(k.key), `${k.key} clashes`);
    const md = vscode.extensions.getExtension('vscode.markdown-language-features');
    const mdKeys = ((md?.packageJSON.contributes?.keybindings ?? []) as { key: string }[]).map((k) => k.key);
    for (const k of keys) assert.ok(!mdKeys.includes(k.key), `${k.key} is the markdown preview's`);
    const title = (pkg.contributes.menus['editor/title'] as { command: string; when: string }[]).find((m) => m.command === 'starAnswers.openPreviewToSide');
    assert.ok(title && /resourceLangId == markdown/.test(title.when));
  });
});
