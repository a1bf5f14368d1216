import { findCatalogPrinciple, normalizePrincipleTitle, type CatalogPrinciple } from '../catalog';
import type { BankFile, Principle, Question, Range } from '../model';
import { principleResolver, storyPrinciples } from '../storyPrinciples';
import { formatDuration } from '../text/words';
import type { Coverage } from '../plan/coverage';
import { IdMaker, questionIdOfSection } from './ids';
import { escapeMarkdown } from './markdown';
import { plural, type CatalogPrincipleNode, type PrincipleNode, type QuestionNode, type TreeNode, type UncoveredNode } from './nodes';
import { planNode } from './plan';
import type { PracticeMark } from './practiceMark';
import { questionNode, type StoryNode } from './questionNode';
import { questionKey } from './reuse';
import { runSteps } from '../steps';
import { sortByOrder, type TreeSortOrder } from './sort';

export * from './nodes';
export { REUSED_NAMED } from './questionNode';

/**
 * Beyond this many stories a principle starts folded: a bank that big reads better by principle, and drawing every
 * story at once (the view asks for the children of each expanded node) would hold the editor for seconds.
 */
export const FOLDED_ABOVE_STORIES = 500;

/** One parsed file, as the tree needs it. `uri` is an opaque key; `path` is what the user reads. */
export interface TreeFileInput {
  uri: string;
  path: string;
  bank: BankFile;
  /** The parsed text: with it, a story's **Principles:** line lists it under those principles too. */
  text?: string;
}

export interface TreeOptions {
  catalog?: readonly CatalogPrinciple[];
  sort?: TreeSortOrder;
  wordsPerMinute?: number;
  /** The interview plan's coverage: shown as its own node when given. */
  plan?: Coverage;
  /** How a story went when last practised (undefined: never). */
  practice?: (question: Question) => PracticeMark | undefined;
  /**
   * The tree this one replaces: a file the index did not read again keeps its nodes (set anew where other files
   * count: reuse, links, practice), so that a rebuild after one edit does not make the nodes of the whole bank again.
   */
  previous?: StoryTree;
}

interface EmptyPrinciple {
  file: TreeFileInput;
  principle: Principle;
  /** Its id, made with the file's other ids: it is shown once a story elsewhere names it. */
  id: string;
}

/** The nodes of one file's principles and stories, before the bank-wide passes. */
interface FileNodes {
  bank: BankFile;
  path: string;
  wpm: number;
  catalogKey: string;
  principles: { node: PrincipleNode; own: StoryNode[] }[];
  empty: EmptyPrinciple[];
}

function* fileNodes(file: TreeFileInput, catalog: readonly CatalogPrinciple[], catalogKey: string, wpm: number, known: FileNodes | undefined): Generator<void, FileNodes> {
  if (known && known.bank === file.bank && known.path === file.path && known.wpm === wpm && known.catalogKey === catalogKey) {
    for (const { node, own } of known.principles) {
      node.expanded = true;
      for (const q of own) q.reset();
    }
    return known;
  }
  const ids = new IdMaker();
  const nodes: FileNodes = { bank: file.bank, path: file.path, wpm, catalogKey, principles: [], empty: [] };
  // A principle read again keeps its node (the view then redraws that node alone, see StoryBankProvider).
  const before = new Map(known?.principles.map(({ node }) => [node.id, node]));
  for (const principle of file.bank.principles) {
    const id = ids.make(`principle:${file.uri}#${normalizePrincipleTitle(principle.title)}`);
    if (principle.questions.length === 0) {
      nodes.empty.push({ file, principle, id });
      continue;
    }
    const fresh = principleNode(file, principle, findCatalogPrinciple(catalog, principle.title), id);
    const node = before.has(id) ? Object.assign(before.get(id)!, fresh) : fresh;
    const own: StoryNode[] = [];
    for (const question of principle.questions) {
      own.push(questionNode(file.uri, node, question, wpm, ids));
      if (own.length % STEP === 0) yield;
    }
    nodes.principles.push({ node, own });
  }
  return nodes;
}

/** How many stories a step of a build handles before it may give the thread back (see treeParts). */
const STEP = 200;

/** What a build makes: the tree's content. */
interface TreeParts {
  roots: TreeNode[];
  principles: PrincipleNode[];
  questions: QuestionNode[];
  links: QuestionNode[];
  uncovered: CatalogPrincipleNode[];
  nodesByFile: Map<string, FileNodes>;
}

/**
 * The build, in steps: a host runs them in slices (the Story Bank's provider gives the extension host back every
 * few milliseconds), the constructor in one go.
 */
function* treeParts(files: readonly TreeFileInput[], options: TreeOptions): Generator<void, TreeParts> {
  const wpm = options.wordsPerMinute ?? 150;
  const sort = options.sort ?? 'file';
  const catalog = options.catalog ?? [];
  const ids = new IdMaker();
  const catalogKey = JSON.stringify(catalog);
  const nodesByFile = new Map<string, FileNodes>();

  const principles: PrincipleNode[] = [];
  const questions: StoryNode[] = [];
  const emptyPrinciples: EmptyPrinciple[] = [];
  for (const file of files) {
    const nodes = yield* fileNodes(file, catalog, catalogKey, wpm, options.previous?.nodesByFile.get(file.uri));
    nodesByFile.set(file.uri, nodes);
    for (const { node, own } of nodes.principles) {
      node.children = [...own];
      principles.push(node);
      for (const q of own) questions.push(q);
    }
    emptyPrinciples.push(...nodes.empty);
    yield;
  }

  // The nodes made anew each build (the plan, the uncovered group, a principle only a Principles line names) keep
  // the objects of the last build, their content set anew: the view then redraws only what changed.
  const before = new Map(options.previous?.roots.map((r) => [`${r.kind}:${r.id}`, r]));
  const kept = <T extends TreeNode>(node: T): T => {
    const old = before.get(`${node.kind}:${node.id}`) as T | undefined;
    if (!old || old === node) return node;
    Object.assign(old, node);
    for (const child of old.children) child.parent = old;
    return old;
  };

  yield* markReuse(questions);
  const links = yield* linkStories(files, principles, questions, catalog, wpm, ids, emptyPrinciples, kept);
  for (const [i, node] of principles.entries()) {
    finishPrinciple(node, wpm);
    if (i % STEP === 0) yield;
  }
  if (options.practice) {
    for (const [i, q] of questions.entries()) {
      q.practice = options.practice(q.question);
      if (i % STEP === 0) yield;
    }
  }
  if (questions.length > FOLDED_ABOVE_STORIES) for (const p of principles) p.expanded = false;

  const sorted = sortByOrder(principles, sort, (p) => p.label);
  for (const p of sorted) p.children = sortByOrder(p.children, sort, (q) => q.label);
  yield;

  const covered = new Set(sorted.filter((p) => p.catalog).map((p) => normalizePrincipleTitle(p.catalog!.title)));
  const uncovered = catalog
    .filter((c) => !covered.has(normalizePrincipleTitle(c.title)))
    .map((c) => catalogNode(c, emptyPrinciples.find((e) => findCatalogPrinciple([c], e.principle.title)), ids));
  const roots: TreeNode[] = [...sorted];
  if (sorted.length > 0 && options.plan?.rows.length) roots.push(kept(planNode(options.plan, sorted)));
  if (sorted.length > 0 && uncovered.length > 0) {
    const group = uncoveredNode(uncovered, catalog.length);
    for (const c of uncovered) c.parent = group;
    group.children = sortByOrder(uncovered, sort, (c) => c.label);
    roots.push(kept(group));
  }
  return {
    roots,
    principles: sorted,
    questions: sorted.flatMap((p) => p.children as QuestionNode[]).filter((q) => !q.linkedFrom),
    links,
    uncovered,
    nodesByFile,
  };
}

/** The Story Bank tree, built from parsed files without VS Code. */
export class StoryTree {
  readonly roots: TreeNode[];
  readonly principles: PrincipleNode[];
  readonly questions: QuestionNode[];
  /** Stories listed a second time, under a principle their Principles line names. */
  readonly links: QuestionNode[];
  readonly uncovered: CatalogPrincipleNode[];
  /** Made when first asked for: a rebuild while typing needs neither. */
  private byIdIndex?: Map<string, TreeNode>;
  private byUriIndex?: Map<string, PrincipleNode[]>;
  /** Each file's own nodes: the next build keeps those of a file read the same way (see TreeOptions.previous). */
  readonly nodesByFile: ReadonlyMap<string, FileNodes>;

  constructor(files: readonly TreeFileInput[], options: TreeOptions = {}, parts?: TreeParts) {
    const built = parts ?? runSteps(treeParts(files, options));
    this.roots = built.roots;
    this.principles = built.principles;
    this.questions = built.questions;
    this.links = built.links;
    this.uncovered = built.uncovered;
    this.nodesByFile = built.nodesByFile;
  }

  /** The same build in steps, for a host that gives its thread back between them (see runSteps for one go). */
  static *steps(files: readonly TreeFileInput[], options: TreeOptions = {}): Generator<void, StoryTree> {
    return new StoryTree(files, options, yield* treeParts(files, options));
  }

  /** True when the workspace holds no story at all. */
  get isEmpty(): boolean {
    return this.principles.length === 0;
  }

  get(id: string): TreeNode | undefined {
    const byId = this.byId();
    const node = byId.get(id);
    if (node) return node;
    const story = byId.get(questionIdOfSection(id) ?? '');
    return story?.children.find((part) => part.id === id);
  }

  /** Every node but a story's parts, which `get` finds through their story (see StoryNode). */
  private byId(): Map<string, TreeNode> {
    if (this.byIdIndex) return this.byIdIndex;
    const byId = (this.byIdIndex = new Map<string, TreeNode>());
    const index = (node: TreeNode) => {
      byId.set(node.id, node);
      if (node.kind !== 'question') node.children.forEach(index);
    };
    this.roots.forEach(index);
    return byId;
  }

  private byUri(uri: string): PrincipleNode[] {
    if (!this.byUriIndex) {
      this.byUriIndex = new Map();
      for (const p of this.principles) {
        if (p.linkedOnly) continue;
        const list = this.byUriIndex.get(p.uri) ?? [];
        list.push(p);
        this.byUriIndex.set(p.uri, list);
      }
    }
    return this.byUriIndex.get(uri) ?? [];
  }

  /** The deepest node whose range holds an offset of a file: a section, else a question, else a principle. */
  find(uri: string, offset: number): TreeNode | undefined {
    const principle = this.byUri(uri).find((p) => contains(p.principle.range, offset));
    if (!principle) return undefined;
    const question = (principle.children as QuestionNode[]).find((q) => q.uri === uri && contains(q.question.range, offset));
    if (!question) return principle;
    return question.children.find((s) => s.kind === 'section' && contains(s.section.range, offset)) ?? question;
  }

  /** The question at an offset of a file. */
  questionAt(uri: string, offset: number): QuestionNode | undefined {
    let node = this.find(uri, offset);
    while (node && node.kind !== 'question') node = node.parent;
    return node;
  }
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

function principleNode(file: TreeFileInput, principle: Principle, catalog: CatalogPrinciple | undefined, id: string): PrincipleNode {
  return {
    id,
    kind: 'principle',
    label: principle.title || 'Untitled principle',
    description: '',
    tooltip: '',
    icon: catalog ? 'star-full' : 'bookmark',
    contextValue: 'principle',
    parent: undefined,
    children: [],
    expanded: true,
    target: { uri: file.uri, selection: principle.titleRange, range: principle.titleRange },
    uri: file.uri,
    principle,
    catalog,
    storyCount: principle.questions.length,
  };
}

function finishPrinciple(node: PrincipleNode, wpm: number): void {
  const stories = node.children as QuestionNode[];
  const incomplete = stories.filter((q) => q.status.level !== 'complete' && q.status.level !== 'prose').length;
  const seconds = stories.reduce((sum, q) => sum + q.status.seconds, 0);
  const linked = stories.filter((q) => q.linkedFrom).length;
  node.storyCount = stories.length;
  node.description = `${plural(stories.length, 'story', 'stories')}${linked ? ` (${linked} linked)` : ''}${incomplete ? ` · ${incomplete} to finish` : ''}`;
  const lines = [`**${escapeMarkdown(node.label)}**`];
  const definition = node.principle.definition ?? node.catalog?.definition;
  if (definition) lines.push('', `_${escapeMarkdown(definition)}_`);
  lines.push(
    '',
    `${plural(stories.length, 'story', 'stories')}, ${incomplete ? `${incomplete} to finish` : 'all complete'} · ${formatDuration(seconds)} to tell them all at ${wpm} words per minute`,
  );
  if (!node.catalog) lines.push('', 'Not in the principle catalog.');
  if (linked) lines.push('', `${plural(linked, 'story is', 'stories are')} written under another principle and name${linked === 1 ? 's' : ''} this one on a **Principles:** line.`);
  node.tooltip = lines.join('\n');
}

function uncoveredNode(uncovered: CatalogPrincipleNode[], catalogSize: number): UncoveredNode {
  return {
    id: 'uncovered',
    kind: 'uncovered',
    label: 'Not covered yet',
    description: `${uncovered.length} of ${catalogSize}`,
    tooltip: `**Not covered yet**\n\n${plural(uncovered.length, 'principle', 'principles')} of the catalog without a story.`,
    icon: 'circle-large-outline',
    contextValue: 'uncovered',
    parent: undefined,
    children: [],
    expanded: false,
  };
}

function catalogNode(catalog: CatalogPrinciple, existing: { file: TreeFileInput; principle: Principle } | undefined, ids: IdMaker): CatalogPrincipleNode {
  const lines = [`**${escapeMarkdown(catalog.title)}**`];
  if (catalog.definition) lines.push('', `_${escapeMarkdown(catalog.definition)}_`);
  lines.push('', existing ? `No story yet in ${escapeMarkdown(existing.file.path)}.` : 'No story and no file yet. Click to create its principle file.');
  return {
    id: ids.make(`catalog:${normalizePrincipleTitle(catalog.title)}`),
    kind: 'catalogPrinciple',
    label: catalog.title,
    description: existing ? `no story yet · ${existing.file.path}` : 'no story yet',
    tooltip: lines.join('\n'),
    icon: 'circle-large-outline',
    contextValue: existing ? 'catalogPrinciple.file' : 'catalogPrinciple',
    parent: undefined,
    children: [],
    expanded: false,
    target: existing ? { uri: existing.file.uri, selection: existing.principle.titleRange, range: existing.principle.range } : undefined,
    catalog,
    uri: existing?.file.uri,
    principle: existing?.principle,
  };
}

/**
 * Lists each story again under every other principle its Principles line names: under that principle's
 * node when the bank has one, else under a node of its own (a catalog principle is then covered).
 */
function* linkStories(files: readonly TreeFileInput[], principles: PrincipleNode[], questions: StoryNode[], catalog: readonly CatalogPrinciple[], wpm: number, ids: IdMaker, empty: EmptyPrinciple[], kept: <T extends TreeNode>(node: T) => T): Generator<void, StoryNode[]> {
  const texts = new Map(files.filter((f) => f.text !== undefined).map((f) => [f.uri, f]));
  if (!texts.size) return [];
  let resolve: ((name: string) => string | undefined) | undefined;
  // The first principle bearing a title, as its own or as its catalog entry's.
  const byKey = new Map<string, PrincipleNode>();
  const learn = (p: PrincipleNode) => {
    for (const key of [normalizePrincipleTitle(p.principle.title), p.catalog ? normalizePrincipleTitle(p.catalog.title) : undefined]) {
      if (key !== undefined && !byKey.has(key)) byKey.set(key, p);
    }
  };
  let learned = 0;
  const links: StoryNode[] = [];
  for (const [i, q] of questions.entries()) {
    if (i % STEP === 0) yield;
    const file = texts.get(q.uri);
    if (!file) continue;
    const own = q.parent as PrincipleNode;
    resolve ??= principleResolver([...catalog, ...principles.map((p) => ({ title: p.principle.title }))]);
    const names = storyPrinciples(file.text!, q.question, resolve, own.principle.title);
    if (!names.length) continue;
    q.alsoFor = names;
    for (const title of names) {
      const key = normalizePrincipleTitle(title);
      while (learned < principles.length) learn(principles[learned++]);
      let target = byKey.get(key);
      const emptyFile = target ? undefined : empty.find((e) => normalizePrincipleTitle(e.principle.title) === key || (findCatalogPrinciple(catalog, e.principle.title) && findCatalogPrinciple(catalog, e.principle.title) === findCatalogPrinciple(catalog, title)));
      if (emptyFile) {
        // A principle file without a story of its own yet: the linked story fills it.
        target = kept(principleNode(emptyFile.file, emptyFile.principle, findCatalogPrinciple(catalog, emptyFile.principle.title), emptyFile.id));
        principles.push(target);
        empty.splice(empty.indexOf(emptyFile), 1);
      }
      if (!target) {
        const entry = findCatalogPrinciple(catalog, title);
        const origin = { start: q.question.titleRange.start, end: q.question.titleRange.start };
        const linkedOnly = principleNode(file, { title: entry?.title ?? title, titleRange: origin, range: origin, questions: [] }, entry, ids.make(`principle:linked#${key}`));
        linkedOnly.linkedOnly = true;
        linkedOnly.target = undefined;
        target = kept(linkedOnly);
        principles.push(target);
      }
      if (target === own) continue;
      const link = questionNode(file.uri, target, q.question, wpm, ids, 'link');
      link.linkedFrom = own.label;
      target.children.push(link);
      links.push(link);
    }
  }
  return links;
}

/**
 * Marks the questions filed under more than one principle. A title told under hundreds of principles (a generated
 * bank) names the first few of them only (see StoryNode.reusedIn): listing every other principle on every copy made
 * the tree's build grow with the square of the copies (20 s for the editor bench's 1,000 files).
 */
function* markReuse(questions: StoryNode[]): Generator<void, void> {
  const groups = new Map<string, StoryNode[]>();
  for (const [i, q] of questions.entries()) {
    if (i % (5 * STEP) === 0) yield;
    const key = questionKey(q.question);
    if (!key) continue;
    const list = groups.get(key);
    if (list) list.push(q);
    else groups.set(key, [q]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    // Each principle title of the group, in bank order, with how many of its principles bear it.
    const titles = new Map<string, number>();
    let parent: PrincipleNode | undefined;
    let parents = 0;
    for (const q of list) {
      if (q.parent === parent) continue;
      parent = q.parent;
      parents++;
      titles.set(parent.label, (titles.get(parent.label) ?? 0) + 1);
    }
    if (parents < 2) continue;
    const group = { titles };
    for (const q of list) q.reuse = group;
    yield;
  }
}
