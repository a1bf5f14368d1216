import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, openFile } from './support/helpers';

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
interface Setting {
  type?: string | string[];
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  scope?: string;
}

/** The package.json contributions against what the extension registers at run time. */
describe('contributions', () => {
  let pkg: {
    activationEvents: string[];
    contributes: { commands: Command[]; menus: Record<string, MenuItem[]>; configuration: { properties: Record<string, Setting> } };
  };

  before(async () => {
    await openFile('seed', 'Customer Obsession.md');
    await activeExtension();
    pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
  });

  it('registers every contributed command, each with a title in the STAR Answers category', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of pkg.contributes.commands) {
      assert.ok(registered.has(c.command), `${c.command} is contributed but not registered`);
      assert.strictEqual(c.category, 'STAR Answers', c.command);
      assert.ok(c.title.trim(), c.command);
    }
  });

  it('puts only contributed commands in menus, and hides those that need arguments from the palette', () => {
    const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command) || !item.command.startsWith('starAnswers.'), `${menu}: ${item.command} is not contributed`);
    }
    const palette = new Map(pkg.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
    // Run by tree items and the lock buttons only.
    for (const command of ['starAnswers.tree.open', 'starAnswers.lockPreview', 'starAnswers.unlockPreview']) assert.strictEqual(palette.get(command), 'false', command);
  });

  it('describes every setting, with a default, and enum descriptions for top-level enums', () => {
    const properties = pkg.contributes.configuration.properties;
    for (const [name, setting] of Object.entries(properties)) {
      assert.ok(name.startsWith('starAnswers.'), name);
      assert.ok(setting.description || setting.markdownDescription, `${name} has no description`);
      assert.ok('default' in setting, `${name} has no default`);
      if (setting.enum) assert.strictEqual(setting.enumDescriptions?.length, setting.enum.length, `${name}: one description per value`);
    }
    // Per workspace folder (multi-root): what the index reads and what the rules read of a file.
    for (const name of ['include', 'exclude', 'rules', 'maxSpeakingMinutes', 'minActionPercent', 'wordsPerMinute']) {
      assert.strictEqual(properties[`starAnswers.${name}`].scope, 'resource', `starAnswers.${name} is scoped per folder`);
    }
    const config = vscode.workspace.getConfiguration('starAnswers');
    assert.strictEqual(config.get('debounceMs'), properties['starAnswers.debounceMs'].default);
    assert.strictEqual(config.get('wordsPerMinute'), properties['starAnswers.wordsPerMinute'].default);
  });

  it('activates only on markdown and to restore a preview (views and commands activate by themselves)', () => {
    assert.deepStrictEqual([...pkg.activationEvents].sort(), ['onLanguage:markdown', 'onWebviewPanel:starAnswers.preview']);
  });
});
