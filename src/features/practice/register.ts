import * as vscode from 'vscode';
import { normalizePrincipleTitle } from '../../core/catalog';
import { PRACTICE_ACTIONS, PRACTICE_VIEW_TYPE, type PracticeAction } from '../../core/practice/messages';
import { isDue, progressOf } from '../../core/practice/schedule';
import { hasWarnings, scopeLabel, type PracticeScope } from '../../core/practice/session';
import { webviewOptions } from '../preview/panel';
import type { StoryIndex } from '../shared/storyIndex';
import type { StoryBank } from '../tree';
import { PracticePanel } from './session';
import { PracticeStore } from './store';

/**
 * Practice sessions: the command (with a choice of stories), the webview, the status bar's progress,
 * the history in the workspace state, and the tree's "last practised" marks.
 */
export function registerPractice(context: vscode.ExtensionContext, index: StoryIndex, storyBank: StoryBank): vscode.Disposable {
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  const store = new PracticeStore(context.workspaceState);
  const status = vscode.window.createStatusBarItem('starAnswers.practice', vscode.StatusBarAlignment.Left, 50);
  status.name = 'STAR Answers: Practice Session';
  status.command = { command: 'starAnswers.practice.show', title: 'Show the Practice Session' };
  let panel: PracticePanel | undefined;

  const tree = storyBank.storyBankTree;
  tree.setPracticeSource((banks) => store.marks(banks));

  const updateStatus = () => {
    if (!panel) return status.hide();
    status.text = `$(mortar-board) ${panel.progressText}`;
    const p = panel.state().progress;
    status.tooltip = `STAR practice (${panel.state().scope}): question ${p.asked} of ${p.total}; ${p.nailed} nailed, ${p.shaky} shaky, ${p.skipped} skipped. Click to show it.`;
    status.accessibilityInformation = { label: status.tooltip };
    status.show();
  };

  const start = async (arg: unknown) => {
    await index.ready().catch(() => undefined);
    const scope = scopeFrom(arg) ?? (await pickScope(index, store));
    if (!scope) return;
    if (panel) {
      panel.begin(scope);
      panel.panel.reveal(undefined, false);
    } else {
      const webview = vscode.window.createWebviewPanel(PRACTICE_VIEW_TYPE, 'STAR Practice', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { ...webviewOptions(mediaRoot), enableFindWidget: false });
      const created = new PracticePanel(webview, mediaRoot, index, store, scope);
      panel = created;
      const subscription = created.onDidChange(updateStatus);
      created.onDidDispose(() => {
        subscription.dispose();
        if (panel === created) panel = undefined;
        updateStatus();
      });
    }
    updateStatus();
  };

  return vscode.Disposable.from(
    store,
    status,
    { dispose: () => panel?.dispose() },
    { dispose: () => tree.setPracticeSource(undefined) },
    store.onDidChange(() => tree.refresh()),
    vscode.commands.registerCommand('starAnswers.practice', (arg?: unknown) => start(arg)),
    vscode.commands.registerCommand('starAnswers.practicePrinciple', (arg?: unknown) => start(arg)),
    vscode.commands.registerCommand('starAnswers.practice.show', () => panel?.panel.reveal(undefined, false)),
    vscode.commands.registerCommand('starAnswers.practice.clearHistory', async () => {
      const answer = await vscode.window.showWarningMessage('Forget how every story went in practice, in this workspace?', { modal: true }, 'Forget');
      if (answer === 'Forget') await store.clear();
    }),
    // Not contributed (hidden from the palette): the integration tests drive and read the session.
    vscode.commands.registerCommand('starAnswers._practiceAction', async (action: unknown) => {
      if (panel && PRACTICE_ACTIONS.includes(action as PracticeAction)) await panel.act(action as PracticeAction);
    }),
    vscode.commands.registerCommand('starAnswers._practiceState', () => (panel ? { ...panel.state(), statusBar: status.text } : undefined)),
    vscode.commands.registerCommand('starAnswers._practiceClear', () => store.clear()),
  );
}

/** A scope passed by a caller: a Story Bank principle, a plan row, or a scope object. */
function scopeFrom(arg: unknown): PracticeScope | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const value = arg as { kind?: unknown; title?: unknown; label?: unknown; principle?: { title?: unknown }; row?: { principle?: { title?: unknown } } };
  if (value.kind === 'all') return { kind: 'all' };
  if (value.kind === 'warnings') return { kind: 'warnings' };
  if (value.kind === 'principle' && typeof value.title === 'string') return { kind: 'principle', title: value.title };
  // Tree nodes: a principle of a file, or a row of the interview plan.
  const title = value.kind === 'planPrinciple' ? value.row?.principle?.title : value.principle?.title;
  if ((value.kind === 'principle' || value.kind === 'planPrinciple' || value.kind === 'question') && typeof title === 'string') return { kind: 'principle', title };
  return undefined;
}

interface ScopeItem extends vscode.QuickPickItem {
  scope?: PracticeScope;
}

async function pickScope(index: StoryIndex, store: PracticeStore): Promise<PracticeScope | undefined> {
  const stories = store.stories(index.storyFiles());
  if (!stories.length) {
    void vscode.window.showInformationMessage('STAR Answers: no story to practise yet. Write one first (STAR Answers: New Principle File).');
    return undefined;
  }
  const now = Date.now();
  const due = (list: typeof stories) => list.filter((s) => isDue(progressOf(s.record?.ratings), now)).length;
  const count = (list: typeof stories) => `${list.length} ${list.length === 1 ? 'story' : 'stories'} · ${due(list)} due`;
  const warned = stories.filter((s) => hasWarnings(s.question));
  const principles = new Map<string, { title: string; list: typeof stories }>();
  for (const s of stories) {
    const key = normalizePrincipleTitle(s.principle);
    const entry = principles.get(key) ?? { title: s.principle, list: [] };
    entry.list.push(s);
    principles.set(key, entry);
  }
  const items: ScopeItem[] = [
    { label: `$(library) ${scopeLabel({ kind: 'all' })}`, description: count(stories), scope: { kind: 'all' } },
    { label: `$(warning) ${scopeLabel({ kind: 'warnings' })}`, description: count(warned), scope: { kind: 'warnings' } },
    { label: 'Principles', kind: vscode.QuickPickItemKind.Separator },
    ...[...principles.values()].map((p) => ({ label: `$(star-full) ${p.title}`, description: count(p.list), scope: { kind: 'principle', title: p.title } as PracticeScope })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'STAR Answers: Practice', placeHolder: 'Which stories? Shaky and long-unpractised ones come up more often.' });
  return picked?.scope;
}
