import * as vscode from 'vscode';
import { fixesFor, type Fix, type Insertion } from '../../core/lint/fixes';
import type { LintDiagnostic } from '../../core/lint/types';
import type { LintService } from '../diagnostics/lintService';
import type { StoryIndex } from '../shared/storyIndex';

const SOURCE = 'STAR Answers';

/** Quick fixes for the STAR diagnostics: add a missing section, or switch a rule off for one story. */
export function registerQuickFixes(index: StoryIndex, service: LintService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, context) {
      const ours = context.diagnostics.filter((d) => d.source === SOURCE);
      if (!ours.length || (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only))) return [];
      const file = await index.fresh(document);
      if (file.version !== document.version) return []; // typed on meanwhile: the editor asks again
      const found = service.lint(file) ?? [];
      const actions: vscode.CodeAction[] = [];
      const seen = new Set<string>();
      for (const diagnostic of ours) {
        const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
        const match = found.find((d) => d.rule === rule && sameRange(d, diagnostic.range));
        if (!match) continue;
        for (const fix of fixesFor(file.text, match, file.lines)) {
          // One "disable" action per story and rule, even when the story has several findings.
          const key = `${fix.title}@${fix.insertion.offset}`;
          if (seen.has(key)) continue;
          seen.add(key);
          actions.push(toCodeAction(document, fix, diagnostic));
        }
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider([{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }, { language: 'markdown', scheme: 'vscode-remote' }], provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

function sameRange(d: LintDiagnostic, range: vscode.Range): boolean {
  return d.range.start.line === range.start.line && d.range.start.character === range.start.character && d.range.end.line === range.end.line && d.range.end.character === range.end.character;
}

function toCodeAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  const edit = new vscode.WorkspaceEdit();
  const at = document.positionAt(fix.insertion.offset);
  const more = (fix.more ?? []).map((i) => vscode.TextEdit.insert(document.positionAt(i.offset), i.text));
  if (fix.insertion.cursor === undefined) edit.set(document.uri, [vscode.TextEdit.insert(at, fix.insertion.text), ...more]);
  else {
    // The text is already indented like the story: the editor must not indent it again.
    const snippet = vscode.SnippetTextEdit.insert(at, toSnippet(fix.insertion));
    snippet.keepWhitespace = true;
    edit.set(document.uri, [snippet, ...more]);
  }
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
