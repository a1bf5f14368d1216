import type { CatalogPrinciple } from '../catalog';
import type { Principle, Question, Range, Section, SectionKind } from '../model';
import type { CoverageRow } from '../plan/coverage';
import type { StoryStatus } from './status';

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

export function statusIcon(level: StoryStatus['level']): string {
  return level === 'complete' ? STATUS_ICONS.complete : level === 'prose' ? STATUS_ICONS.prose : level === 'todo' ? STATUS_ICONS.todo : STATUS_ICONS.incomplete;
}

export function statusColor(level: StoryStatus['level']): string | undefined {
  return level === 'complete' ? STATUS_COLORS.complete : level === 'prose' || level === 'todo' ? undefined : STATUS_COLORS.incomplete;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
