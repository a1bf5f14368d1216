import type { BankFile, Question, Range, SectionKind } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { Insertion } from './fixes';

/** The four levels of VS Code's DiagnosticSeverity, by name. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Lint settings: the `starAnswers.*` settings and the keys of a `.star-answers.json`. */
export interface LintConfig {
  /** Rule id to level; rules not named keep their default severity. */
  rules: Record<string, RuleLevel>;
  /** too-long: the longest a story should take to tell. */
  maxSpeakingMinutes: number;
  /** too-long: speaking pace. */
  wordsPerMinute: number;
  /** thin-action: the least share of the story's words the Action should hold, in percent. */
  minActionPercent: number;
}

/** The other files of the bank, for rules that compare stories across files. */
export interface BankFileInput {
  /** The file's key (a URI in the editor, a path in the CLI). */
  uri: string;
  text: string;
  bank: BankFile;
  /** The text's lines, when the caller keeps them (rules that point into other files need them). */
  lines?: LineIndex;
}

/** What a rule sees: one story at a time. */
export interface StoryContext {
  question: Question;
  /** The file being linted, with its key; its principle is `principle`. */
  file?: { uri: string; principle: string };
  /** Every file of the bank, this one included, when the caller knows them. */
  bank?: readonly BankFileInput[];
  /** The whole text the story was parsed from. */
  text: string;
  lines: LineIndex;
  config: LintConfig;
}

export interface Report {
  message: string;
  range: Range;
  /** For quick fixes: the section kind the report is about. */
  kind?: SectionKind;
  /** A fix the rule knows is safe (e.g. delete a filler word and its space). */
  fix?: RuleFix;
  /** Other places the finding is about (e.g. the other copy of a story). */
  related?: RelatedLocation[];
}

export interface RuleFix {
  title: string;
  insertion: Insertion;
  /** Edits in other files, applied in the same step. */
  elsewhere?: ElsewhereEdit[];
  /** Safe to apply together with every other such fix of the file, unseen (fix all, on save). */
  fixAll?: boolean;
}

/** An edit in another file: `range` is what it replaces there (positions for an editor that has not opened the file). */
export interface ElsewhereEdit {
  uri: string;
  range: Range;
  text: string;
}

export interface RelatedLocation {
  /** The file's key as the caller gave it (a URI in the editor, a path in the CLI); undefined for the same file. */
  uri?: string;
  range: Range;
  message: string;
}

export interface Rule {
  /** Kebab-case id; also the rule's file name and its docs page name. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** What the rule reads: STAR stories (the default) or answers written as prose, without labels. */
  appliesTo?: 'story' | 'prose';
  /** Off unless a setting turns it on (then at `defaultSeverity`): measured too often wrong to be on unasked. */
  offByDefault?: boolean;
  /**
   * Reads other stories than the one checked (`bank`, the files of the bank): re-run for every story after
   * any edit, not only the edited one. Finds nothing when the caller gives no files.
   */
  acrossStories?: boolean;
  check(story: StoryContext, report: (report: Report) => void): void;
}

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  kind?: SectionKind;
  /** The story the diagnostic belongs to. */
  question: Question;
  fix?: RuleFix;
  related?: RelatedLocation[];
}
