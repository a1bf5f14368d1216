import { normalizePrincipleTitle } from '../catalog';
import { SECTION_NAMES, STAR_KINDS, type Question, type Section, type SectionKind } from '../model';
import { formatDuration } from '../text/words';
import { IdMaker, sectionId } from './ids';
import { escapeMarkdown } from './markdown';
import { plural, statusColor, statusIcon, STATUS_COLORS, type MissingSectionNode, type PrincipleNode, type QuestionNode, type SectionNode, type TreeNode, type TreeTarget } from './nodes';
import type { PracticeMark } from './practiceMark';
import { questionKey } from './reuse';
import { lengthLabel, storyStatus, type StoryStatus } from './status';

/** How many of the other principles filing the same question a question's description and tooltip name. */
export const REUSED_NAMED = 5;

/** The principles that file one question: their titles in bank order, with how many principles bear each. */
export interface ReuseGroup {
  titles: Map<string, number>;
}

/**
 * A story of the tree. What it shows is worked out from its state when first read after a build: its parts (the
 * section nodes), its tooltip, its description. A big bank has tens of thousands of stories, and the view shows the
 * few under the principles a user expands; a rebuild sets only the state.
 */
export class StoryNode implements QuestionNode {
  readonly kind = 'question';
  label: string;
  color: string | undefined;
  expanded = false;
  target: TreeTarget;
  status: StoryStatus;
  linkedFrom?: string;
  alsoFor?: string[];
  /** How the story went when last practised. */
  practice?: PracticeMark;
  /** The other principles filing the same question, when there are. */
  reuse?: ReuseGroup;
  private parts?: TreeNode[];
  private shown?: { description: string; tooltip?: string; reusedIn: string[]; reusedCount: number };

  constructor(
    readonly id: string,
    readonly uri: string,
    readonly question: Question,
    public parent: PrincipleNode,
    readonly wordsPerMinute: number,
  ) {
    this.status = storyStatus(question, wordsPerMinute);
    this.label = question.title.trim() || 'Untitled story';
    this.color = statusColor(this.status.level);
    this.target = { uri, selection: question.titleRange, range: question.range };
  }

  get children(): TreeNode[] {
    return (this.parts ??= sectionNodes(this, this.wordsPerMinute));
  }

  set children(nodes: TreeNode[]) {
    this.parts = nodes;
  }

  get icon(): string {
    return this.linkedFrom ? 'link' : this.reuse ? 'references' : statusIcon(this.status.level);
  }

  get contextValue(): string {
    return this.linkedFrom ? 'question.linked' : this.reuse ? 'question.reused' : 'question';
  }

  /** Titles of the other principles that file the same question: the first REUSED_NAMED of them. */
  get reusedIn(): string[] {
    return this.view().reusedIn;
  }

  /** How many other principles file the same question (`reusedIn` names at most REUSED_NAMED). */
  get reusedCount(): number {
    return this.view().reusedCount;
  }

  get description(): string {
    return this.view().description;
  }

  get tooltip(): string {
    const view = this.view();
    return (view.tooltip ??= questionTooltip(this, view.reusedIn, view.reusedCount));
  }

  /** Back to what the story alone says, before a rebuild's bank-wide passes set the rest again. */
  reset(): void {
    this.reuse = undefined;
    this.alsoFor = undefined;
    this.practice = undefined;
    this.shown = undefined;
  }

  private view(): NonNullable<StoryNode['shown']> {
    if (this.shown) return this.shown;
    const { reusedIn, reusedCount } = reusedNamesOf(this);
    const parts = [lengthLabel(this.status.words, this.wordsPerMinute)];
    if (this.status.level !== 'complete') parts.push(this.status.summary);
    if (reusedIn.length) parts.push(`also in ${namesText(reusedIn, reusedCount, (name) => name)}`);
    if (this.linkedFrom) parts.push(`from ${this.linkedFrom}`);
    else if (this.alsoFor?.length) parts.push(`also for ${this.alsoFor.join(', ')}`);
    if (this.practice) parts.push(this.practice.description);
    return (this.shown = { description: parts.join(' · '), reusedIn, reusedCount });
  }
}

/** Its own principle's title counts when another principle of the group bears it too. */
function reusedNamesOf(node: StoryNode): { reusedIn: string[]; reusedCount: number } {
  if (!node.reuse) return { reusedIn: [], reusedCount: 0 };
  const { titles } = node.reuse;
  const own = node.parent.label;
  const skipOwn = titles.get(own) === 1;
  const reusedIn: string[] = [];
  for (const title of titles.keys()) {
    if (skipOwn && title === own) continue;
    reusedIn.push(title);
    if (reusedIn.length === REUSED_NAMED) break;
  }
  return { reusedIn, reusedCount: titles.size - (skipOwn ? 1 : 0) };
}

/** A story under its own principle, or (`link`) again under one its Principles line names. */
export function questionNode(uri: string, parent: PrincipleNode, question: Question, wpm: number, ids: IdMaker, as: 'own' | 'link' = 'own'): StoryNode {
  const id = ids.make(`question:${as === 'link' ? 'link:' : ''}${uri}#${normalizePrincipleTitle(parent.principle.title)}#${questionKey(question)}`);
  return new StoryNode(id, uri, question, parent, wpm);
}

function questionTooltip(node: StoryNode, reusedIn: string[], reusedCount: number): string {
  const { status, wordsPerMinute: wpm } = node;
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
  if (reusedIn.length) lines.push('', `$(references) Reused: also filed under ${namesText(reusedIn, reusedCount, escapeMarkdown)}.`);
  if (node.linkedFrom) lines.push('', `$(link) Written under ${escapeMarkdown(node.linkedFrom)}; its Principles line names this principle too.`);
  else if (node.alsoFor?.length) lines.push('', `$(link) Also answers ${node.alsoFor.map(escapeMarkdown).join(', ')} (its Principles line).`);
  if (node.practice) lines.push('', node.practice.tooltip);
  return lines.join('\n');
}

/** "A, B, C", or "A, B, C, D, E and 12 more". */
function namesText(reusedIn: string[], reusedCount: number, escape: (name: string) => string): string {
  const names = reusedIn.map(escape);
  const more = reusedCount - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.join(', ');
}

function problemText(code: 'missing' | 'empty' | 'no-metric', kind: SectionKind): string {
  const title = SECTION_NAMES[kind];
  if (code === 'missing') return `No ${title}.`;
  if (code === 'empty') return `The ${title} is empty.`;
  return 'The Result has no number (a %, a time, an amount).';
}

/** The story's parts in S, T, A, R order, with a "missing" node where one is not written. */
function sectionNodes(question: QuestionNode, wpm: number): TreeNode[] {
  const ids = new IdMaker();
  const nodes: TreeNode[] = [];
  const present = new Set(question.question.sections.map((s) => s.kind));
  const missing = STAR_KINDS.filter((k) => !present.has(k));
  const order = (kind: SectionKind) => (STAR_KINDS.indexOf(kind) < 0 ? STAR_KINDS.length : STAR_KINDS.indexOf(kind));
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
    id: ids.make(sectionId(question.id, section.kind)),
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
    id: ids.make(sectionId(question.id, `missing-${kind}`)),
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
