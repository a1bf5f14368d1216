import * as vscode from 'vscode';
import type { CatalogPrinciple } from '../../core/catalog';
import { principleChoices } from '../../core/tree/principleChoices';
import { principleFileName, principleSkeleton } from '../../core/templates/principle';
import type { StoryIndex } from '../shared/storyIndex';
import { catalogSetting } from '../tree/settings';

interface PrincipleChoice extends vscode.QuickPickItem {
  principle?: CatalogPrinciple;
}

/**
 * "STAR Answers: New Principle File": pick a principle of the catalog (or type one), write
 * `<Title>.md` with the seed's skeleton in a workspace folder, open it. Never overwrites a file.
 * Returns the file's uri, or undefined when cancelled.
 */
export async function newPrincipleFile(index: StoryIndex, preset?: CatalogPrinciple): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('STAR Answers: open a folder first; principle files are written into the workspace.');
    return undefined;
  }
  const principle = preset ?? (await pickPrinciple(index));
  if (!principle) return undefined;
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: `Where should "${principle.title}" go?` });
  if (!folder) return undefined;

  const uri = vscode.Uri.joinPath(folder.uri, principleFileName(principle.title));
  if (await exists(uri)) {
    void vscode.window.showInformationMessage(`STAR Answers: ${vscode.workspace.asRelativePath(uri)} already exists; opened it instead.`);
  } else {
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(principleSkeleton(principle.title, principle.definition)));
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Answers: could not create ${vscode.workspace.asRelativePath(uri)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
  const editor = await vscode.window.showTextDocument(uri);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  await index.fresh(editor.document);
  return uri;
}

async function pickPrinciple(index: StoryIndex): Promise<CatalogPrinciple | undefined> {
  await index.ready();
  const { uncovered, covered } = principleChoices(
    catalogSetting(),
    index.all().flatMap((file) => file.bank.principles.map((p) => p.title)),
  );
  const separator = (label: string): PrincipleChoice => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const other: PrincipleChoice = { label: '$(edit) Other principle…', detail: 'Type the title of a principle that is not in the catalog.', alwaysShow: true };
  // The first item is the one Enter takes: a principle without a file, else "Other", never one that has a file.
  const items: PrincipleChoice[] = uncovered.length
    ? [
        separator('No file yet'),
        ...uncovered.map((principle) => ({ label: principle.title, detail: principle.definition || undefined, principle })),
        ...(covered.length ? [separator('Has a file'), ...covered.map(coveredChoice)] : []),
        separator(''),
        other,
      ]
    : [other, ...(covered.length ? [separator('Has a file'), ...covered.map(coveredChoice)] : [])];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'STAR Answers: New Principle File',
    placeHolder: 'Principle to write stories for',
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  if (picked.principle) return picked.principle;
  const title = await vscode.window.showInputBox({
    title: 'STAR Answers: New Principle File',
    prompt: 'Title of the principle',
    placeHolder: 'e.g. Customer Obsession',
    validateInput: (value) => (value.trim() ? undefined : 'Type a title.'),
  });
  return title?.trim() ? { title: title.trim(), definition: '' } : undefined;
}

function coveredChoice(principle: CatalogPrinciple): PrincipleChoice {
  return { label: principle.title, description: 'has a file', principle };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
