/**
 * The messages between the extension and the practice webview, shared by both sides. Everything that
 * arrives from the other side is checked here before anyone acts on it.
 */
import { SECTION_KINDS, type SectionKind } from '../model';
import { OUTCOMES, type Outcome } from './history';

export const PRACTICE_VIEW_TYPE = 'starAnswers.practice';

/** A STAR part, or the whole answer of a story written as prose. */
export type PartKind = SectionKind | 'answer';
export const PART_KINDS: readonly PartKind[] = [...SECTION_KINDS, 'answer'];

export interface PracticePart {
  kind: PartKind;
  name: string;
  /** Sanitized HTML of the section. */
  html: string;
}

export interface PracticeQuestion {
  /** 1-based number of the question in the session. */
  n: number;
  total: number;
  principle: string;
  title: string;
  parts: PracticePart[];
  /** The countdown's start, in seconds. */
  targetSeconds: number;
  /** Seconds already spent on the question (the panel was hidden and shown again). */
  elapsedSeconds: number;
  /** Kinds already revealed. */
  revealed: PartKind[];
  /** "Last practised 3 days ago: shaky", or "New". */
  history: string;
}

export interface PracticeSummary {
  total: number;
  nailed: number;
  shaky: number;
  skipped: number;
  scope: string;
}

/** What a key or a VS Code command can ask the webview to do, as if the user pressed its key. */
export type PracticeAction = 'reveal-next' | 'reveal-all' | 'rate-nailed' | 'rate-shaky' | 'rate-skipped' | 'pause' | 'restart';
export const PRACTICE_ACTIONS: readonly PracticeAction[] = ['reveal-next', 'reveal-all', 'rate-nailed', 'rate-shaky', 'rate-skipped', 'pause', 'restart'];

/** Extension → webview. */
export type PracticeHostMessage =
  | { type: 'question'; question: PracticeQuestion }
  | { type: 'done'; summary: PracticeSummary }
  | { type: 'empty'; message: string }
  | { type: 'action'; action: PracticeAction };

/** Webview → extension. */
export type PracticeWebviewMessage =
  | { type: 'ready' }
  /** Question n is on screen. */
  | { type: 'shown'; n: number }
  | { type: 'revealed'; n: number; kinds: PartKind[] }
  | { type: 'rate'; n: number; outcome: Outcome; seconds: number }
  /** Start another session with the same scope. */
  | { type: 'restart' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000;
}

function isKinds(value: unknown): value is PartKind[] {
  return Array.isArray(value) && value.length <= PART_KINDS.length && value.every((k) => PART_KINDS.includes(k as PartKind));
}

export function parsePracticeWebviewMessage(value: unknown): PracticeWebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'restart':
      return { type: 'restart' };
    case 'shown':
      return isCount(value.n) ? { type: 'shown', n: value.n } : undefined;
    case 'revealed':
      return isCount(value.n) && isKinds(value.kinds) ? { type: 'revealed', n: value.n, kinds: [...value.kinds] } : undefined;
    case 'rate':
      return isCount(value.n) && OUTCOMES.includes(value.outcome as Outcome) && typeof value.seconds === 'number' && Number.isFinite(value.seconds) && value.seconds >= 0 && value.seconds < 86_400
        ? { type: 'rate', n: value.n, outcome: value.outcome as Outcome, seconds: value.seconds }
        : undefined;
    default:
      return undefined;
  }
}

function isPart(value: unknown): value is PracticePart {
  return isRecord(value) && PART_KINDS.includes(value.kind as PartKind) && typeof value.name === 'string' && typeof value.html === 'string';
}

function isQuestion(value: unknown): value is PracticeQuestion {
  return (
    isRecord(value) &&
    isCount(value.n) &&
    isCount(value.total) &&
    typeof value.principle === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.parts) &&
    value.parts.every(isPart) &&
    isCount(value.targetSeconds) &&
    typeof value.elapsedSeconds === 'number' &&
    Number.isFinite(value.elapsedSeconds) &&
    isKinds(value.revealed) &&
    typeof value.history === 'string'
  );
}

function isSummary(value: unknown): value is PracticeSummary {
  return isRecord(value) && isCount(value.total) && isCount(value.nailed) && isCount(value.shaky) && isCount(value.skipped) && typeof value.scope === 'string';
}

export function parsePracticeHostMessage(value: unknown): PracticeHostMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'question':
      return isQuestion(value.question) ? { type: 'question', question: value.question } : undefined;
    case 'done':
      return isSummary(value.summary) ? { type: 'done', summary: value.summary } : undefined;
    case 'empty':
      return typeof value.message === 'string' ? { type: 'empty', message: value.message } : undefined;
    case 'action':
      return PRACTICE_ACTIONS.includes(value.action as PracticeAction) ? { type: 'action', action: value.action as PracticeAction } : undefined;
    default:
      return undefined;
  }
}
