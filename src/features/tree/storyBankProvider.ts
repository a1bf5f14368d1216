import * as vscode from 'vscode';
import type { BankFile } from '../../core/model';
import { planCoverageSteps } from '../../core/plan/coverage';
import { giveBack } from '../../core/slices';
import { StoryTree, type TreeNode, type TreeOptions } from '../../core/tree/model';
import type { TreeSortOrder } from '../../core/tree/sort';
import { toVsRange } from '../shared/convert';
import type { IndexedFile, StoryIndex } from '../shared/storyIndex';
import { affectsStoryBank, catalogSetting, planMinStories, planTargets, wordsPerMinute } from './settings';

export const VIEW_ID = 'starAnswers.storyBank';
export const OPEN_COMMAND = 'starAnswers.tree.open';
export const NEW_PRINCIPLE_COMMAND = 'starAnswers.newPrincipleFile';
const SORT_KEY = 'starAnswers.tree.sortOrder';
export const SORT_CONTEXT = 'starAnswers.tree.sortAlphabetical';
/** How long a slice of a build may hold the extension host. */
const SLICE_MS = 10;

/**
 * The Story Bank: principles → questions → sections of every story file, read from the shared
 * StoryIndex. The model is pure (src/core/tree) and rebuilt when the index changes.
 */
export class StoryBankProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  /** The build of the index's present state, under way or done; undefined once the index changed. */
  private current: Promise<StoryTree> | undefined;
  /** Builds run one at a time: a build takes over nodes of the last one. */
  private building: Promise<unknown> = Promise.resolve();
  /** The tree the next build replaces: it keeps the nodes of the files not read again since. */
  private last: StoryTree | undefined;
  /** The parse of each file a tree was built from. */
  private readonly builtFrom = new WeakMap<StoryTree, Map<string, IndexedFile>>();
  private disposed = false;
  /** How long the last build held the host, its slices summed: the scan's redraws are spaced by a multiple of it. */
  private lastBuildMs = 0;
  private hasStories: boolean | undefined;
  private readonly paths = new Map<string, string>();
  /** What the view holds: the roots it was given, the children it asked for, and each item as it was drawn. */
  private drawn: { roots: TreeNode[] | undefined; children: Map<TreeNode, TreeNode[]>; items: WeakMap<TreeNode, string> } = {
    roots: undefined,
    children: new Map(),
    items: new WeakMap(),
  };
  private uris = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sortOrder: TreeSortOrder;
  /** How each story went in practice (set by the practice feature). */
  private practice: ((banks: readonly BankFile[]) => TreeOptions['practice']) | undefined;
  private readonly modelEmitter = new vscode.EventEmitter<StoryTree>();
  /** Fires after the model was rebuilt. */
  readonly onDidChangeModel = this.modelEmitter.event;

  constructor(
    private readonly index: StoryIndex,
    private readonly state: vscode.Memento,
  ) {
    this.sortOrder = state.get<TreeSortOrder>(SORT_KEY, 'file') === 'alphabetical' ? 'alphabetical' : 'file';
    void vscode.commands.executeCommand('setContext', SORT_CONTEXT, this.sortOrder === 'alphabetical');
    this.disposables.push(
      this.modelEmitter,
      index.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => affectsStoryBank(e) && this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.paths.clear();
        this.refresh();
      }),
    );
  }

  get sort(): TreeSortOrder {
    return this.sortOrder;
  }

  async setSort(order: TreeSortOrder): Promise<void> {
    this.sortOrder = order;
    await this.state.update(SORT_KEY, order);
    await vscode.commands.executeCommand('setContext', SORT_CONTEXT, order === 'alphabetical');
    this.refresh();
  }

  /** Shows on each story how it went when last practised; the tree is redrawn. */
  setPracticeSource(source: ((banks: readonly BankFile[]) => TreeOptions['practice']) | undefined): void {
    this.practice = source;
    this.refresh();
  }

  /** The model of the tree, after the workspace scan. */
  async model(): Promise<StoryTree> {
    // A scan cut short (settings changed, Refresh) still leaves what was read: draw that.
    await this.index.ready().catch(() => undefined);
    return (this.current ??= this.build());
  }

  /** The model of what the index holds now, even during the scan. */
  private partial(): Promise<StoryTree> {
    return (this.current ??= this.build());
  }

  /**
   * The model, rebuilt first when a document changed since it was built (a quick fix inserted a
   * section, a paste moved lines), so offsets of the document's current version find the right item.
   */
  async modelFor(document: vscode.TextDocument): Promise<StoryTree> {
    const model = await this.model();
    const key = document.uri.toString();
    const file = await this.index.fresh(document);
    if (this.index.get(document.uri) !== file || this.builtFrom.get(model)?.get(key) === file) return model;
    clearTimeout(this.timer);
    await this.update();
    return this.model();
  }

  /** The model as last built, without waiting. */
  get snapshot(): StoryTree | undefined {
    return this.last;
  }

  uriOf(key: string): vscode.Uri {
    return this.uris.get(key) ?? vscode.Uri.parse(key);
  }

  /** Redraws the whole view from a new build. */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current = undefined;
    this.drawn.roots = undefined;
    this.changeEmitter.fire(undefined);
  }

  /**
   * After the index changed: builds, then redraws only the items that changed. A redraw of the whole view makes VS
   * Code drop and make again an item for each of its principles (a thousand on a big bank, and each leaves a few
   * hundred bytes behind in the extension host); a typed word changes one file's principle.
   */
  private async update(): Promise<void> {
    this.timer = undefined;
    const roots = this.drawn.roots;
    this.current = undefined;
    if (!roots) return this.changeEmitter.fire(undefined);
    let tree: StoryTree;
    try {
      tree = await this.partial();
    } catch {
      return; // disposed
    }
    if (this.drawn.roots !== roots) return; // redrawn whole meanwhile
    if (tree.roots.length !== roots.length || tree.roots.some((node, i) => node !== roots[i])) return this.refresh();
    const changed = tree.roots.filter((node) => this.isStale(node));
    if (!changed.length) return;
    // VS Code asks again for what it shows under a redrawn root: forget what it held there (old stories included).
    const redrawn = new Set<TreeNode>(changed);
    for (const node of this.drawn.children.keys()) {
      let root: TreeNode | undefined = node;
      while (root.parent) root = root.parent;
      if (redrawn.has(root)) this.drawn.children.delete(node);
    }
    this.changeEmitter.fire(changed);
  }

  /** An item drawn otherwise than it would be now, or whose children the view holds and that changed. */
  private isStale(node: TreeNode): boolean {
    if (this.drawn.items.get(node) !== itemKey(node)) return true;
    const shown = this.drawn.children.get(node);
    if (!shown) return false;
    const children = node.children;
    return children.length !== shown.length || children.some((child, i) => child !== shown[i] || this.isStale(child));
  }

  private scheduleRefresh(): void {
    // The scan reports file by file: fold a burst of changes into one redraw, and on a bank big enough for a
    // build to take a while, leave the host to others most of the time between two (during the scan, when the
    // workers want the processor too, nine tenths of it: the scan's builds took 3.9 s of the host on a
    // 1,000-file bank with one in five).
    if (this.timer) return;
    const delay = this.index.scanning ? Math.max(250, 10 * this.lastBuildMs) : Math.max(50, 4 * this.lastBuildMs);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /**
   * Builds the tree of the index's files in slices of the extension host's time (a big bank's tree takes longer
   * than a host may be held), one build at a time.
   */
  private build(): Promise<StoryTree> {
    const run = this.building.then(() => this.buildSliced());
    this.building = run.catch(() => undefined);
    return run;
  }

  private async buildSliced(): Promise<StoryTree> {
    const files = this.index.all();
    let busy = 0;
    let since = performance.now();
    const run = async <T>(steps: Generator<void, T>): Promise<T> => {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value;
        if (performance.now() - since < SLICE_MS) continue;
        busy += performance.now() - since;
        await giveBack();
        // Disposed meanwhile: the rest of the build would be for nobody (the steps need no cleanup).
        if (this.disposed) throw new vscode.CancellationError();
        since = performance.now();
      }
    };
    const banks = files.map((f) => f.bank);
    const plan = await run(planCoverageSteps(banks, planTargets(), planMinStories()));
    const tree = await run(
      StoryTree.steps(
        files.map((f) => ({ uri: f.uri.toString(), path: this.pathOf(f.uri), bank: f.bank, text: f.text })),
        {
          previous: this.last,
          catalog: catalogSetting(),
          sort: this.sortOrder,
          wordsPerMinute: wordsPerMinute(),
          plan,
          practice: this.practice?.(banks),
        },
      ),
    );
    this.last = tree;
    this.uris = new Map(files.map((f) => [f.uri.toString(), f.uri]));
    this.builtFrom.set(tree, new Map(files.map((f) => [f.uri.toString(), f])));
    if (this.hasStories !== !tree.isEmpty) {
      this.hasStories = !tree.isEmpty;
      void vscode.commands.executeCommand('setContext', 'starAnswers.hasStories', this.hasStories);
    }
    this.modelEmitter.fire(tree);
    this.lastBuildMs = busy + performance.now() - since;
    return tree;
  }

  private pathOf(uri: vscode.Uri): string {
    const key = uri.toString();
    let path = this.paths.get(key);
    if (path === undefined) {
      path = vscode.workspace.asRelativePath(uri, true);
      this.paths.set(key, path);
    }
    return path;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) {
      this.drawn.children.set(element, [...element.children]);
      return element.children;
    }
    const roots = await this.rootsNow();
    this.drawn = { roots, children: new Map(), items: new WeakMap() };
    return roots;
  }

  private async rootsNow(): Promise<TreeNode[]> {
    // During the scan the tree fills in as files arrive (each arrival schedules a redraw); until the first
    // story arrives it waits, so that the welcome view ("no story yet") does not show while reading.
    while (this.index.scanning) {
      const partial = await this.partial();
      if (!partial.isEmpty) return partial.roots;
      await this.nextRefreshOrReady();
    }
    const model = await this.model();
    return model.roots;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    // A story always has parts (written or missing): its part nodes are made only when it is expanded.
    const state = isLeaf(node) ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    this.drawn.items.set(node, itemKey(node));
    item.id = node.id;
    item.description = node.description;
    // The tooltip is made on hover (resolveTreeItem): a big bank would otherwise send thousands to the window.
    item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
    if (node.target) {
      const uri = this.uriOf(node.target.uri);
      item.command = {
        command: OPEN_COMMAND,
        title: 'Open',
        arguments: [uri, toVsRange(node.target.selection), toVsRange(node.target.range)],
      };
    } else if (node.kind === 'catalogPrinciple') {
      // A principle of the catalog with no file yet: clicking it writes its file, like the inline "+".
      item.command = {
        command: NEW_PRINCIPLE_COMMAND,
        title: 'New Principle File',
        arguments: [{ title: node.catalog.title, definition: node.catalog.definition }],
      };
    }
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const tooltip = new vscode.MarkdownString(node.tooltip, true);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    return item;
  }

  private nextRefreshOrReady(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        listener.dispose();
        resolve();
      };
      const listener = this.changeEmitter.event(done);
      void this.index.ready().then(done, done);
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** What an item shows: two keys differ when VS Code would draw the node otherwise (its tooltip included). */
function itemKey(node: TreeNode): string {
  return [node.label, node.description, node.icon, node.color, node.contextValue, node.expanded, isLeaf(node), node.tooltip, node.target?.selection.start.offset, node.target?.range.start.offset, node.target?.range.end.offset].join('\u0000');
}

/** Drawn without an expander: a story always has one (its parts are made when it is expanded). */
function isLeaf(node: TreeNode): boolean {
  return node.kind !== 'question' && node.children.length === 0;
}
