import * as vscode from 'vscode';
import { fixAllEdits, fixesFor, type Fix, type Insertion } from '../../core/lint/fixes';
import type { LintDiagnostic } from '../../core/lint/types';
import type { LintService } from '../diagnostics/lintService';
import { toVsRange } from '../shared/convert';
import type { StoryIndex } from '../shared/storyIndex';

const SOURCE = 'STAR Answers';

/** `source.fixAll.starAnswers`: what `editor.codeActionsOnSave` asks for. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('starAnswers');

/**
 * Quick fixes for the STAR diagnostics (add a missing section, delete a filler, switch a rule off for
 * one story), "Fix all <rule> problems in this file" for rules whose fixes are safe together, and the
 * source fix-all that applies all of those at once. Each action is one WorkspaceEdit: one undo step.
 */
export function registerQuickFixes(index: StoryIndex, service: LintService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const wantsFixAll = !context.only || FIX_ALL_KIND.intersects(context.only);
      const wantsQuickFix = !context.only || vscode.CodeActionKind.QuickFix.intersects(context.only);
      const ours = context.diagnostics.filter((d) => d.source === SOURCE);
      if (!wantsFixAll && !(wantsQuickFix && ours.length)) return [];
      const file = await index.fresh(document, true);
      if (file.version !== document.version) return []; // typed on meanwhile: the editor asks again
      const found = service.lint(file) ?? [];
      const actions: vscode.CodeAction[] = [];
      if (wantsQuickFix) actions.push(...quickFixes(document, file.text, found, ours));
      if (wantsFixAll && context.only && FIX_ALL_KIND.intersects(context.only)) {
        const all = fixAllAction(document, found);
        if (all) actions.push(all);
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider([{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }, { language: 'markdown', scheme: 'vscode-remote' }], provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}

function quickFixes(document: vscode.TextDocument, text: string, found: LintDiagnostic[], ours: vscode.Diagnostic[]): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  const seen = new Set<string>();
  const fixAllOffered = new Set<string>();
  for (const diagnostic of ours) {
    const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    const match = found.find((d) => d.rule === rule && sameRange(d, diagnostic.range));
    if (!match) continue;
    for (const fix of fixesFor(text, match)) {
      // One "disable" action per story and rule, even when the story has several findings.
      const key = `${fix.title}@${fix.insertion.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push(toCodeAction(document, fix, diagnostic));
    }
    if (match.fix?.fixAll && !fixAllOffered.has(rule)) {
      fixAllOffered.add(rule);
      const edits = fixAllEdits(found, rule);
      if (edits.length > 1) {
        const action = new vscode.CodeAction(`Fix all ${rule} problems in this file`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = editOf(document, edits);
        actions.push(action);
      }
    }
  }
  return actions;
}

/** Every fix of the file that is safe together, as one edit; none when there is nothing to fix. */
function fixAllAction(document: vscode.TextDocument, found: LintDiagnostic[]): vscode.CodeAction | undefined {
  const edits = fixAllEdits(found);
  if (!edits.length) return undefined;
  const action = new vscode.CodeAction('Fix all STAR Answers problems that have a safe fix', FIX_ALL_KIND);
  action.edit = editOf(document, edits);
  return action;
}

function editOf(document: vscode.TextDocument, edits: readonly Insertion[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, edits.map((e) => toTextEdit(document, e)));
  return edit;
}

function toTextEdit(document: vscode.TextDocument, insertion: Insertion): vscode.TextEdit {
  const start = document.positionAt(insertion.offset);
  return vscode.TextEdit.replace(new vscode.Range(start, document.positionAt(insertion.offset + (insertion.deleteCount ?? 0))), insertion.text);
}

function sameRange(d: LintDiagnostic, range: vscode.Range): boolean {
  return d.range.start.line === range.start.line && d.range.start.character === range.start.character && d.range.end.line === range.end.line && d.range.end.character === range.end.character;
}

function toCodeAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  const edit = new vscode.WorkspaceEdit();
  const more = (fix.more ?? []).map((i) => toTextEdit(document, i));
  if (fix.insertion.cursor === undefined || fix.insertion.deleteCount) edit.set(document.uri, [toTextEdit(document, fix.insertion), ...more]);
  else {
    // The text is already indented like the story: the editor must not indent it again.
    const snippet = vscode.SnippetTextEdit.insert(document.positionAt(fix.insertion.offset), toSnippet(fix.insertion));
    snippet.keepWhitespace = true;
    edit.set(document.uri, [snippet, ...more]);
  }
  for (const other of fix.elsewhere ?? []) edit.replace(vscode.Uri.parse(other.uri), toVsRange(other.range), other.text);
  action.edit = edit;
  return action;
}

/** The inserted text as a snippet whose only tab stop is where the writer continues. */
export function toSnippet(insertion: Insertion): vscode.SnippetString {
  const cursor = insertion.cursor ?? insertion.text.length;
  const snippet = new vscode.SnippetString();
  snippet.appendText(insertion.text.slice(0, cursor));
  snippet.appendTabstop(0);
  snippet.appendText(insertion.text.slice(cursor));
  return snippet;
}
