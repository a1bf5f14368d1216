import * as vscode from 'vscode';
import { findCatalogPrinciple, type CatalogPrinciple } from '../../core/catalog';
import type { TreeNode } from '../../core/tree/model';
import { catalogSetting } from '../tree/settings';
import type { StoryIndex } from '../shared/storyIndex';
import type { StoryBankTree } from '../tree/register';
import { NEW_PRINCIPLE_COMMAND, VIEW_ID } from '../tree/storyBankProvider';
import { addStory } from './addStory';
import { newPrincipleFile } from './newPrincipleFile';
import { revealInTree } from './revealInTree';

/** The Story Bank's commands: Refresh, Collapse All, sort order, New Principle File, Add Story, Reveal. */
export function registerStoryBankCommands(index: StoryIndex, tree: StoryBankTree): vscode.Disposable {
  const { provider, view } = tree;
  const guard = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(`STAR Answers: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(
      'starAnswers.refresh',
      guard(async () => {
        await index.refresh();
        provider.refresh();
      }),
    ),
    vscode.commands.registerCommand('starAnswers.collapseAll', guard(() => Promise.resolve(vscode.commands.executeCommand(`workbench.actions.treeView.${VIEW_ID}.collapseAll`)))),
    vscode.commands.registerCommand('starAnswers.tree.sortAlphabetically', guard(() => provider.setSort('alphabetical'))),
    vscode.commands.registerCommand('starAnswers.tree.sortByFileOrder', guard(() => provider.setSort('file'))),
    vscode.commands.registerCommand(NEW_PRINCIPLE_COMMAND, guard((principle?: unknown) => newPrincipleFile(index, asPrinciple(principle)))),
    vscode.commands.registerCommand('starAnswers.addStory', guard((node?: TreeNode) => addStory(index, provider, isNode(node) ? node : undefined))),
    vscode.commands.registerCommand('starAnswers.revealInTree', guard(() => revealInTree(provider, view))),
  );
}

/** `{ title, definition? }` or a title, for links and scripts that name the principle. */
function asPrinciple(value: unknown): CatalogPrinciple | undefined {
  if (typeof value === 'string' && value.trim()) return findCatalogPrinciple(catalogSetting(), value) ?? { title: value.trim(), definition: '' };
  if (value && typeof value === 'object' && typeof (value as { title?: unknown }).title === 'string') {
    const { title, definition } = value as { title: string; definition?: unknown };
    if (isNode(value)) return undefined;
    return { title, definition: typeof definition === 'string' ? definition : findCatalogPrinciple(catalogSetting(), title)?.definition ?? '' };
  }
  return undefined;
}

function isNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && 'kind' in value && 'id' in value && 'children' in value;
}
