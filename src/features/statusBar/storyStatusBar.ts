import * as vscode from 'vscode';
import { SECTION_NAMES, type Question } from '../../core/model';
import { lengthLabel, starMarks, storyStatus } from '../../core/tree/status';
import type { StoryIndex } from '../shared/storyIndex';
import { wordsPerMinute } from '../tree/settings';

/**
 * "STAR ✓✓✗✓ · 212 words · 1:25" (✓ written, ∅ empty, ✗ missing) while the cursor is in a story of a markdown editor; hidden
 * elsewhere. Clicking it reveals the story in the Story Bank.
 */
export function registerStoryStatusBar(index: StoryIndex): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('starAnswers.story', vscode.StatusBarAlignment.Right, 100);
  item.name = 'STAR Answers: Current Story';
  item.command = { command: 'starAnswers.revealInTree', title: 'Reveal Current Story in Tree' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let visible = false;
  const hide = () => {
    visible = false;
    item.hide();
  };

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return hide();
    const known = index.get(editor.document.uri);
    // While typing, keep the last parse until the debounced one arrives; never parse per keystroke.
    if (!known) {
      void index.fresh(editor.document); // shown when it arrives (onDidChange)
      return hide();
    }
    const file = known;
    const offset = Math.min(editor.document.offsetAt(editor.selection.active), file.text.length);
    const question = file.bank.principles.flatMap((p) => p.questions).find((q) => q.range.start.offset <= offset && offset <= q.range.end.offset);
    if (!question) return hide();
    show(item, question);
    visible = true;
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(update, delay);
  };

  schedule(0); // not during activation
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => schedule(0)),
    vscode.window.onDidChangeTextEditorSelection((e) => e.textEditor === vscode.window.activeTextEditor && schedule(50)),
    index.onDidChange((uris) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && uris.some((u) => u.toString() === active)) schedule(0);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('starAnswers.wordsPerMinute') && schedule(0)),
    { dispose: () => clearTimeout(timer) },
    // Not contributed (hidden from the palette): what the item shows, for the integration tests.
    vscode.commands.registerCommand('starAnswers._storyStatusBar', () => ({
      visible,
      text: item.text,
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''),
    })),
  );
}

function show(item: vscode.StatusBarItem, question: Question): void {
  const wpm = wordsPerMinute();
  const status = storyStatus(question, wpm);
  const marks = starMarks(status);
  item.text = `STAR ${status.level === 'prose' ? 'prose' : marks} · ${lengthLabel(status.words, wpm)}`;
  const lines = [
    `**${question.title.replace(/[\\`*_[\]<>]/g, '\\$&') || 'Untitled story'}**`,
    '',
    ...(['situation', 'task', 'action', 'result'] as const).map((k) => `${status.parts[k] ? '✓' : '✗'} ${SECTION_NAMES[k]}${status.parts[k] ? '' : status.problems.some((p) => p.kind === k && p.code === 'empty') ? ' (empty)' : ' (missing)'}`),
    '',
    status.problems.some((p) => p.code === 'no-metric') ? '⚠ The Result has no number.' : '',
    `${status.words} words, about ${lengthLabel(status.words, wpm).split(' · ')[1]} to tell at ${wpm} words per minute.`,
    '',
    'Click to reveal the story in the Story Bank.',
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '');
  item.tooltip = new vscode.MarkdownString(lines.join('  \n'));
  item.accessibilityInformation = {
    label: `STAR story: ${(['situation', 'task', 'action', 'result'] as const).map((k) => `${SECTION_NAMES[k]} ${status.parts[k] ? 'written' : 'missing'}`).join(', ')}; ${status.words} words`,
  };
  item.backgroundColor = undefined;
  item.show();
}
