import { findCatalogPrinciple, normalizePrincipleTitle, type CatalogPrinciple } from '../catalog';
import { SECTION_NAMES, STAR_KINDS, type BankFile, type Principle, type Question, type Range, type Section, type SectionKind } from '../model';
import { principleResolver, storyPrinciples } from '../storyPrinciples';
import { formatDuration } from '../text/words';
import type { Coverage, CoverageRow } from '../plan/coverage';
import { escapeMarkdown } from './markdown';
import { planNode } from './plan';
import type { PracticeMark } from './practiceMark';
import { normalizeQuestionTitle } from './reuse';
import { sortByOrder, type TreeSortOrder } from './sort';
import { lengthLabel, storyStatus, type StoryStatus } from './status';

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
}

/** Where clicking an item goes: `selection` is selected, `range` is scrolled into view. */
export interface TreeTarget {
  uri: string;
  selection: Range;
  range: Range;
}

export type TreeNodeKind = 'principle' | 'question' | 'section' | 'missingSection' | 'uncovered' | 'catalogPrinciple' | 'plan' | 'planPrinciple';

interface BaseNode {
  /** Unique and stable across rebuilds while the titles stay the same. */
  id: string;
  kind: TreeNodeKind;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  /** A codicon id. */
  icon: string;
  /** A theme color id for the icon. */
  color?: string;
  contextValue: string;
  parent: TreeNode | undefined;
  children: TreeNode[];
  /** Collapsed or expanded when it has children at first sight. */
  expanded: boolean;
  target?: TreeTarget;
}

export interface PrincipleNode extends BaseNode {
  kind: 'principle';
  uri: string;
  principle: Principle;
  catalog?: CatalogPrinciple;
  storyCount: number;
  /** No file holds this principle: it is listed only for stories that name it on their Principles line. */
  linkedOnly?: boolean;
}

export interface QuestionNode extends BaseNode {
  kind: 'question';
  uri: string;
  question: Question;
  status: StoryStatus;
  /** Titles of the other principles that file the same question: the first REUSED_NAMED of them. */
  reusedIn: string[];
  /** How many other principles file the same question (`reusedIn` names at most REUSED_NAMED). */
  reusedCount: number;
  /** For a story listed here because its Principles line names this principle: the principle it is written under. */
  linkedFrom?: string;
  /** The other principles this story's Principles line names. */
  alsoFor?: string[];
}

export interface SectionNode extends BaseNode {
  kind: 'section';
  uri: string;
  section: Section;
}

export interface MissingSectionNode extends BaseNode {
  kind: 'missingSection';
  uri: string;
  sectionKind: SectionKind;
}

export interface UncoveredNode extends BaseNode {
  kind: 'uncovered';
}

export interface CatalogPrincipleNode extends BaseNode {
  kind: 'catalogPrinciple';
  catalog: CatalogPrinciple;
  /** A file that already holds this principle, without a story yet. */
  uri?: string;
  principle?: Principle;
}

export interface PlanNode extends BaseNode {
  kind: 'plan';
}

export interface PlanPrincipleNode extends BaseNode {
  kind: 'planPrinciple';
  row: CoverageRow;
}

export type TreeNode = PrincipleNode | QuestionNode | SectionNode | MissingSectionNode | UncoveredNode | CatalogPrincipleNode | PlanNode | PlanPrincipleNode;

/**
 * The diagnostics report an incomplete story (a missing or empty part, a Result without a number)
 * as warnings, so the tree shows it with the warning icon and colour too: red would read as "broken"
 * while the Problems panel shows no error.
 */
export const STATUS_COLORS = {
  complete: 'testing.iconPassed',
  incomplete: 'list.warningForeground',
} as const;

const STATUS_ICONS = { complete: 'pass', incomplete: 'warning', prose: 'comment', todo: 'circle-large-outline' } as const;

function statusIcon(level: StoryStatus['level']): string {
  return level === 'complete' ? STATUS_ICONS.complete : level === 'prose' ? STATUS_ICONS.prose : level === 'todo' ? STATUS_ICONS.todo : STATUS_ICONS.incomplete;
}

function statusColor(level: StoryStatus['level']): string | undefined {
  return level === 'complete' ? STATUS_COLORS.complete : level === 'prose' || level === 'todo' ? undefined : STATUS_COLORS.incomplete;
}

/** The Story Bank tree, built from parsed files without VS Code. */
export class StoryTree {
  readonly roots: TreeNode[];
  readonly principles: PrincipleNode[];
  readonly questions: QuestionNode[];
  /** Stories listed a second time, under a principle their Principles line names. */
  readonly links: QuestionNode[];
  readonly uncovered: CatalogPrincipleNode[];
  private readonly byId = new Map<string, TreeNode>();
  private readonly byUri = new Map<string, PrincipleNode[]>();

  constructor(files: readonly TreeFileInput[], options: TreeOptions = {}) {
    const wpm = options.wordsPerMinute ?? 150;
    const sort = options.sort ?? 'file';
    const catalog = options.catalog ?? [];
    const ids = new IdMaker();

    const principles: PrincipleNode[] = [];
    const questions: QuestionNode[] = [];
    const emptyPrinciples: { file: TreeFileInput; principle: Principle }[] = [];
    for (const file of files) {
      for (const principle of file.bank.principles) {
        if (principle.questions.length === 0) {
          emptyPrinciples.push({ file, principle });
          continue;
        }
        const node = principleNode(file, principle, findCatalogPrinciple(catalog, principle.title), ids);
        for (const question of principle.questions) {
          const q = questionNode(file, node, question, wpm, ids);
          node.children.push(q);
          questions.push(q);
        }
        principles.push(node);
      }
    }

    markReuse(questions);
    const links = linkStories(files, principles, questions, catalog, wpm, ids, emptyPrinciples);
    for (const node of principles) finishPrinciple(node, wpm);
    for (const q of [...questions, ...links]) finishQuestion(q, wpm);
    if (options.practice) for (const q of questions) markPractice(q, options.practice(q.question));

    this.principles = sortByOrder(principles, sort, (p) => p.label);
    for (const p of this.principles) p.children = sortByOrder(p.children, sort, (q) => q.label);
    this.questions = this.principles.flatMap((p) => p.children as QuestionNode[]).filter((q) => !q.linkedFrom);
    this.links = links;

    const covered = new Set(this.principles.filter((p) => p.catalog).map((p) => normalizePrincipleTitle(p.catalog!.title)));
    this.uncovered = catalog
      .filter((c) => !covered.has(normalizePrincipleTitle(c.title)))
      .map((c) => catalogNode(c, emptyPrinciples.find((e) => findCatalogPrinciple([c], e.principle.title)), ids));
    this.roots = [...this.principles];
    if (this.principles.length > 0 && options.plan?.rows.length) this.roots.push(planNode(options.plan, this.principles));
    if (this.principles.length > 0 && this.uncovered.length > 0) {
      const group = uncoveredNode(this.uncovered, catalog.length);
      for (const c of this.uncovered) c.parent = group;
      group.children = sortByOrder(this.uncovered, sort, (c) => c.label);
      this.roots.push(group);
    }

    const index = (node: TreeNode) => {
      this.byId.set(node.id, node);
      node.children.forEach(index);
    };
    this.roots.forEach(index);
    for (const p of this.principles) {
      if (p.linkedOnly) continue;
      const list = this.byUri.get(p.uri) ?? [];
      list.push(p);
      this.byUri.set(p.uri, list);
    }
  }

  /** True when the workspace holds no story at all. */
  get isEmpty(): boolean {
    return this.principles.length === 0;
  }

  get(id: string): TreeNode | undefined {
    return this.byId.get(id);
  }

  /** The deepest node whose range holds an offset of a file: a section, else a question, else a principle. */
  find(uri: string, offset: number): TreeNode | undefined {
    const principle = (this.byUri.get(uri) ?? []).find((p) => contains(p.principle.range, offset));
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

class IdMaker {
  private readonly used = new Map<string, number>();
  make(base: string): string {
    const n = this.used.get(base) ?? 0;
    this.used.set(base, n + 1);
    return n === 0 ? base : `${base}~${n}`;
  }
}

function principleNode(file: TreeFileInput, principle: Principle, catalog: CatalogPrinciple | undefined, ids: IdMaker): PrincipleNode {
  return {
    id: ids.make(`principle:${file.uri}#${normalizePrincipleTitle(principle.title)}`),
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

function questionNode(file: TreeFileInput, parent: PrincipleNode, question: Question, wpm: number, ids: IdMaker): QuestionNode {
  const status = storyStatus(question, wpm);
  const node: QuestionNode = {
    id: ids.make(`question:${file.uri}#${normalizePrincipleTitle(parent.principle.title)}#${normalizeQuestionTitle(question.title)}`),
    kind: 'question',
    label: question.title.trim() || 'Untitled story',
    description: '',
    tooltip: '',
    icon: statusIcon(status.level),
    color: statusColor(status.level),
    contextValue: 'question',
    parent,
    children: [],
    expanded: false,
    target: { uri: file.uri, selection: question.titleRange, range: question.range },
    uri: file.uri,
    question,
    status,
    reusedIn: [],
    reusedCount: 0,
  };
  node.children = sectionNodes(node, wpm, ids);
  return node;
}

function finishQuestion(node: QuestionNode, wpm: number): void {
  const { status } = node;
  const parts = [lengthLabel(status.words, wpm)];
  if (status.level !== 'complete') parts.push(status.summary);
  if (node.reusedIn.length) parts.push(`also in ${reusedNames(node, (name) => name)}`);
  if (node.linkedFrom) parts.push(`from ${node.linkedFrom}`);
  else if (node.alsoFor?.length) parts.push(`also for ${node.alsoFor.join(', ')}`);
  node.description = parts.join(' · ');
  if (node.reusedIn.length) {
    node.icon = 'references';
    node.contextValue = 'question.reused';
  }
  const lines = [
    `**${escapeMarkdown(node.label)}**`,
    '',
    status.level === 'complete'
      ? '$(pass) Complete: Situation, Task, Action and a quantified Result.'
      : status.level === 'prose'
        ? '$(comment) Answered in prose, without STAR labels.'
        : status.level === 'todo'
          ? '$(circle-large-outline) Not answered yet: write its Situation, Task, Action and Result.'
        : `$(${statusIcon(status.level)}) ${status.problems.map((p) => problemText(p.code, p.kind)).join(' ')}`,
    '',
    `${plural(status.words, 'word', 'words')} · about ${formatDuration(status.seconds)} to tell at ${wpm} words per minute`,
  ];
  if (node.reusedIn.length) lines.push('', `$(references) Reused: also filed under ${reusedNames(node, escapeMarkdown)}.`);
  if (node.linkedFrom) lines.push('', `$(link) Written under ${escapeMarkdown(node.linkedFrom)}; its Principles line names this principle too.`);
  else if (node.alsoFor?.length) lines.push('', `$(link) Also answers ${node.alsoFor.map(escapeMarkdown).join(', ')} (its Principles line).`);
  node.tooltip = lines.join('\n');
  if (node.linkedFrom) {
    node.icon = 'link';
    node.contextValue = 'question.linked';
  }
}

function markPractice(node: QuestionNode, mark: PracticeMark | undefined): void {
  if (!mark) return;
  node.description = `${node.description} · ${mark.description}`;
  node.tooltip = `${node.tooltip}\n\n${mark.tooltip}`;
}

function problemText(code: 'missing' | 'empty' | 'no-metric', kind: SectionKind): string {
  const title = SECTION_NAMES[kind];
  if (code === 'missing') return `No ${title}.`;
  if (code === 'empty') return `The ${title} is empty.`;
  return 'The Result has no number (a %, a time, an amount).';
}

function sectionNodes(question: QuestionNode, wpm: number, ids: IdMaker): TreeNode[] {
  const nodes: TreeNode[] = [];
  const present = new Set(question.question.sections.map((s) => s.kind));
  const missing = STAR_KINDS.filter((k) => !present.has(k));
  const order = (kind: SectionKind) => STAR_KINDS.indexOf(kind) < 0 ? STAR_KINDS.length : STAR_KINDS.indexOf(kind);
  const pushMissingBefore = (kind: SectionKind | undefined) => {
    while (missing.length && (kind === undefined || order(missing[0]) < order(kind))) nodes.push(missingNode(question, missing.shift()!, ids));
  };
  for (const section of question.question.sections) {
    pushMissingBefore(section.kind);
    nodes.push(sectionNode(question, section, wpm, ids));
  }
  pushMissingBefore(undefined);
  return nodes;
}

function sectionNode(question: QuestionNode, section: Section, wpm: number, ids: IdMaker): SectionNode {
  const title = SECTION_NAMES[section.kind];
  const empty = section.words === 0;
  const label = section.label && section.label.toLowerCase() !== title.toLowerCase() ? `${title} (${section.label})` : title;
  const noMetric = section.kind === 'result' && question.status.problems.some((p) => p.code === 'no-metric');
  const preview = section.text.trim().replace(/\s+/g, ' ');
  return {
    id: ids.make(`${question.id}/${section.kind}`),
    kind: 'section',
    label,
    description: empty ? 'empty' : `${lengthLabel(section.words, wpm)}${noMetric ? ' · no metric' : ''}`,
    tooltip: [
      `**${escapeMarkdown(label)}**`,
      '',
      empty ? 'Empty: write this part of the story.' : escapeMarkdown(preview.length > 400 ? `${preview.slice(0, 400)}…` : preview),
    ].join('\n'),
    icon: section.kind === 'learning' ? 'lightbulb' : empty ? 'circle-large-outline' : 'circle-filled',
    color: empty || noMetric ? STATUS_COLORS.incomplete : undefined,
    contextValue: 'section',
    parent: question,
    children: [],
    expanded: false,
    target: { uri: question.uri, selection: section.labelRange, range: section.range },
    uri: question.uri,
    section,
  };
}

function missingNode(question: QuestionNode, kind: SectionKind, ids: IdMaker): MissingSectionNode {
  const title = SECTION_NAMES[kind];
  return {
    id: ids.make(`${question.id}/missing-${kind}`),
    kind: 'missingSection',
    label: title,
    description: 'missing',
    tooltip: `**${title}** is missing: the story has no ${title} part.`,
    icon: 'circle-slash',
    color: STATUS_COLORS.incomplete,
    contextValue: 'section.missing',
    parent: question,
    children: [],
    expanded: false,
    target: { uri: question.uri, selection: question.question.titleRange, range: question.question.range },
    uri: question.uri,
    sectionKind: kind,
  };
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
function linkStories(files: readonly TreeFileInput[], principles: PrincipleNode[], questions: QuestionNode[], catalog: readonly CatalogPrinciple[], wpm: number, ids: IdMaker, empty: { file: TreeFileInput; principle: Principle }[]): QuestionNode[] {
  const texts = new Map(files.filter((f) => f.text !== undefined).map((f) => [f.uri, f]));
  if (!texts.size) return [];
  const resolve = principleResolver([...catalog, ...principles.map((p) => ({ title: p.principle.title }))]);
  const links: QuestionNode[] = [];
  for (const q of questions) {
    const file = texts.get(q.uri);
    if (!file) continue;
    const own = q.parent as PrincipleNode;
    const names = storyPrinciples(file.text!, q.question, resolve, own.principle.title);
    if (!names.length) continue;
    q.alsoFor = names;
    for (const title of names) {
      const key = normalizePrincipleTitle(title);
      let target = principles.find((p) => normalizePrincipleTitle(p.principle.title) === key || (p.catalog && normalizePrincipleTitle(p.catalog.title) === key));
      const emptyFile = target ? undefined : empty.find((e) => normalizePrincipleTitle(e.principle.title) === key || (findCatalogPrinciple(catalog, e.principle.title) && findCatalogPrinciple(catalog, e.principle.title) === findCatalogPrinciple(catalog, title)));
      if (emptyFile) {
        // A principle file without a story of its own yet: the linked story fills it.
        target = principleNode(emptyFile.file, emptyFile.principle, findCatalogPrinciple(catalog, emptyFile.principle.title), ids);
        principles.push(target);
        empty.splice(empty.indexOf(emptyFile), 1);
      }
      if (!target) {
        const entry = findCatalogPrinciple(catalog, title);
        const origin = { start: q.question.titleRange.start, end: q.question.titleRange.start };
        target = principleNode(file, { title: entry?.title ?? title, titleRange: origin, range: origin, questions: [] }, entry, ids);
        target.id = ids.make(`principle:linked#${key}`);
        target.linkedOnly = true;
        target.target = undefined;
        principles.push(target);
      }
      if (target === own) continue;
      const link = questionNode(file, target, q.question, wpm, ids);
      link.linkedFrom = own.label;
      target.children.push(link);
      links.push(link);
    }
  }
  return links;
}

/**
 * Marks the questions filed under more than one principle. A title told under hundreds of principles (a generated
 * bank) names the first few of them only: listing every other principle on every copy made the tree's build grow
 * with the square of the copies (20 s for the editor bench's 1,000 files).
 */
function markReuse(questions: QuestionNode[]): void {
  const groups = new Map<string, QuestionNode[]>();
  for (const q of questions) {
    const key = normalizeQuestionTitle(q.question.title);
    if (!key) continue;
    const list = groups.get(key) ?? [];
    list.push(q);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const parents = new Set(list.map((q) => q.parent!));
    if (parents.size < 2) continue;
    // Each principle title of the group, in bank order, with how many of its principles bear it.
    const titles = new Map<string, number>();
    for (const parent of parents) titles.set(parent.label, (titles.get(parent.label) ?? 0) + 1);
    for (const q of list) {
      const own = q.parent!.label;
      // Its own title counts when another principle of the group bears it too.
      const skipOwn = titles.get(own) === 1;
      q.reusedCount = titles.size - (skipOwn ? 1 : 0);
      q.reusedIn = [];
      for (const title of titles.keys()) {
        if (skipOwn && title === own) continue;
        q.reusedIn.push(title);
        if (q.reusedIn.length === REUSED_NAMED) break;
      }
    }
  }
}

/** How many of the other principles filing the same question a question's description and tooltip name. */
export const REUSED_NAMED = 5;

/** "A, B, C", or "A, B, C, D, E and 12 more". */
function reusedNames(node: QuestionNode, escape: (name: string) => string): string {
  const names = node.reusedIn.map(escape);
  const more = node.reusedCount - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

