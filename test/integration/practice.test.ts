import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension, canScreenshot, openFile, screenshot, waitFor, wsFile } from './support/helpers';

/** What the hidden `starAnswers._practiceState` command reports of the session. */
interface PracticeInfo {
  scope: string;
  shown: number;
  question?: string;
  principle?: string;
  revealed: string[];
  progress: { asked: number; total: number; nailed: number; shaky: number; skipped: number };
  done: boolean;
  statusBar: string;
}
interface Node {
  kind: string;
  label: string;
  description: string;
  tooltip: string;
  children: Node[];
}
interface Tree {
  model(): Promise<{ questions: Node[]; roots: Node[] }>;
}

const state = async () => vscode.commands.executeCommand<PracticeInfo | undefined>('starAnswers._practiceState');
const act = (action: string) => vscode.commands.executeCommand('starAnswers._practiceAction', action);
const practiceTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('starAnswers.practice'));

describe('practice session', function () {
  this.timeout(90000);
  let tree: Tree;

  before(async () => {
    await openFile('seed', 'Customer Obsession.md');
    const ext = await activeExtension();
    tree = (ext.exports as { storyBankTree: Tree }).storyBankTree;
    await vscode.commands.executeCommand('starAnswers._practiceClear');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('starAnswers._practiceClear');
  });

  it('runs a session end to end: start, reveal part by part, rate; the tree and the status bar show it', async () => {
    await vscode.commands.executeCommand('starAnswers.practice', { kind: 'principle', title: 'Customer Obsession' });
    await waitFor(() => practiceTabs()[0], 'a practice webview tab');
    // The webview itself reports the question on screen.
    let info = await waitFor(async () => { const s = await state(); return s && s.shown === 1 && s; }, 'question 1 on screen');
    assert.strictEqual(info.scope, 'Customer Obsession');
    assert.deepStrictEqual(info.progress, { asked: 1, total: 2, nailed: 0, shaky: 0, skipped: 0 });
    assert.strictEqual(info.statusBar, '$(mortar-board) Practice 1/2');
    const first = info.question!;
    assert.match(first, /^Describe a situation where you/);

    await act('reveal-next');
    info = await waitFor(async () => { const s = await state(); return s && s.revealed.length === 1 && s; }, 'the Situation revealed by the webview');
    assert.deepStrictEqual(info.revealed, ['situation']);
    await act('reveal-next');
    await waitFor(async () => (await state())?.revealed.join() === 'situation,task', 'the Task revealed next');
    if (canScreenshot) {
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.ok(await screenshot('practice-session'));
    }
    await act('reveal-all');
    await waitFor(async () => (await state())?.revealed.join() === 'situation,task,action,result', 'every part revealed');

    await act('rate-shaky');
    info = await waitFor(async () => { const s = await state(); return s && s.shown === 2 && s; }, 'question 2 on screen');
    assert.notStrictEqual(info.question, first, 'each question once a session');
    assert.deepStrictEqual(info.revealed, [], 'the next question starts hidden');
    assert.strictEqual(info.statusBar, '$(mortar-board) Practice 2/2 · 1 shaky');
    const second = info.question!;

    // The tree says how the first story went.
    const marked = await waitFor(async () => (await tree.model()).questions.find((q) => q.label === first && / · shaky today$/.test(q.description)), 'the tree to mark the story shaky today');
    assert.match(marked.tooltip, /Practised 1 time \(0 nailed, 1 shaky\); last today: shaky\. Due now\./);

    await act('rate-nailed');
    info = await waitFor(async () => { const s = await state(); return s?.done && s; }, 'the session to end');
    assert.deepStrictEqual(info.progress, { asked: 2, total: 2, nailed: 1, shaky: 1, skipped: 0 });
    assert.strictEqual(info.statusBar, '$(mortar-board) Practice done · 1 nailed · 1 shaky');
    await waitFor(async () => (await tree.model()).questions.some((q) => q.label === second && / · nailed today$/.test(q.description)), 'the tree to mark the second story nailed');

    // Practice again: the shaky story is due now, the nailed one tomorrow: the shaky one comes first.
    await act('restart');
    info = await waitFor(async () => { const s = await state(); return s && !s.done && s.shown === 1 && s; }, 'a new session on screen');
    assert.strictEqual(info.question, first);
  });

  it('keeps a story\'s history when its file is renamed and its question reworded', async () => {
    const uri = wsFile('practice-rename.md');
    const renamed = wsFile('practice-renamed.md');
    const text = (question: string) => `# Ownership\n\n**Question:** ${question}\n\n**Situation:** The nightly import failed for a week and nobody owned it.\n**Task:** Get the data flowing before the quarter close.\n**Action:** I traced the failures to one timeout and rewrote the retry.\n**Result:** No failed import in 90 days.\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text('Tell me about a time you owned a broken process.')));
    try {
      await waitFor(async () => (await tree.model()).questions.find((q) => q.label === 'Tell me about a time you owned a broken process.'), 'the new story in the tree');
      await vscode.commands.executeCommand('starAnswers.practice', { kind: 'principle', title: 'Ownership' });
      // Skip until the new story comes up, then nail it.
      for (let i = 0; i < 5; i++) {
        const s = await waitFor(async () => { const x = await state(); return x && x.shown === i + 1 && x; }, `question ${i + 1} on screen`);
        if (s.question === 'Tell me about a time you owned a broken process.') break;
        await act('rate-skipped');
      }
      assert.strictEqual((await state())?.question, 'Tell me about a time you owned a broken process.');
      await act('rate-nailed');
      await waitFor(async () => (await tree.model()).questions.find((q) => q.label === 'Tell me about a time you owned a broken process.' && / · nailed today$/.test(q.description)), 'the mark on the story');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');

      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uri, renamed);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.workspace.fs.writeFile(renamed, new TextEncoder().encode(text('Describe a process you fixed although it was not yours.')));
      const moved = await waitFor(
        async () => (await tree.model()).questions.find((q) => q.label === 'Describe a process you fixed although it was not yours.' && / · nailed today$/.test(q.description)),
        'the renamed file\'s reworded story to keep its mark',
      );
      assert.match(moved.tooltip, /Practised 1 time \(1 nailed, 0 shaky\)/);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(renamed).then(undefined, () => undefined);
    }
  });

  it('shows the interview plan in the tree: the targeted principles, gaps flagged', async () => {
    const plan = await waitFor(async () => (await tree.model()).roots.find((r) => r.kind === 'plan'), 'the Interview plan node');
    assert.match(plan.description, /^\d+ of 16 ready/);
    const frugality = plan.children.find((c) => c.label === 'Frugality')!;
    assert.strictEqual(frugality.description, 'no story · needs 2 more');
    const config = vscode.workspace.getConfiguration('starAnswers');
    await config.update('interviewPlan.principles', ['Customer Obsession', 'Dive Deep'], vscode.ConfigurationTarget.Workspace);
    try {
      const two = await waitFor(async () => { const p = (await tree.model()).roots.find((r) => r.kind === 'plan'); return p && p.children.length === 2 && p; }, 'the plan to follow the setting');
      assert.deepStrictEqual(two.children.map((c) => c.label), ['Customer Obsession', 'Dive Deep']);
      assert.strictEqual(two.children[0].description, '2 finished of 2');
      assert.strictEqual(two.children[1].description, '1 finished of 2 · needs 1 more');
    } finally {
      await config.update('interviewPlan.principles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('practises one principle from its Story Bank item, and only the stories with warnings', async () => {
    const model = (await tree.model()) as unknown as { principles: Node[] };
    const dive = model.principles.find((p) => p.label === 'Dive Deep')!;
    await vscode.commands.executeCommand('starAnswers.practicePrinciple', dive);
    let info = await waitFor(async () => { const s = await state(); return s && s.scope === 'Dive Deep' && s.shown === 1 && s; }, 'a Dive Deep session on screen');
    assert.strictEqual(info.principle, 'Dive Deep');
    assert.strictEqual(info.progress.total, 2);
    await vscode.commands.executeCommand('starAnswers.practice', { kind: 'warnings' });
    info = await waitFor(async () => { const s = await state(); return s && s.scope === 'Stories with warnings' && s.shown === 1 && s; }, 'a session of the stories with warnings');
    assert.strictEqual(practiceTabs().length, 1, 'one practice panel');
    const warned = (await tree.model()).questions.filter((q) => /no |empty /.test(q.description)).length;
    assert.strictEqual(info.progress.total, Math.min(10, warned));
  });

  it('says so when there is nothing to practise, and closes cleanly', async () => {
    await vscode.commands.executeCommand('starAnswers.practice', { kind: 'principle', title: 'Frugality' });
    const info = await waitFor(async () => { const s = await state(); return s && s.progress.total === 0 && s; }, 'an empty session');
    assert.ok(info.done);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(async () => (await state()) === undefined, 'the session to end with its panel');
  });
});
