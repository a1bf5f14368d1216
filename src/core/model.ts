/** The story-bank model: what the parser yields and every feature reads. Lines and characters are 0-based. */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column within the line. */
  character: number;
  /** UTF-16 offset into the text that was parsed. */
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type SectionKind = 'situation' | 'task' | 'action' | 'result' | 'learning';

/** The four sections every story needs, in the order an interviewer expects them. */
export const STAR_KINDS: readonly SectionKind[] = ['situation', 'task', 'action', 'result'];
export const SECTION_KINDS: readonly SectionKind[] = ['situation', 'task', 'action', 'result', 'learning'];

/** How a section is named to the user, whatever label the story uses for it. */
export const SECTION_NAMES: Readonly<Record<SectionKind, string>> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  learning: 'Learning',
};

/** How a section label is written, so that a fix or a snippet can write another one alike. */
export type LabelStyle =
  | 'html' // <li><b>Situation: </b><br> inside raw HTML
  | 'bold' // **Situation:** at the start of a paragraph or line
  | 'heading' // ### Situation
  | 'list-bold' // - **S:** in a markdown list
  | 'list-plain' // - Situation: in a markdown list
  | 'plain' // Situation: at the start of a line
  | 'table'; // a table cell

/** Where a story comes from in the markdown. */
export type StoryContainer = 'details' | 'heading' | 'question-line' | 'list-item' | 'table-row' | 'none';

export interface Section {
  kind: SectionKind;
  /** The label as written, without colon or markup: "Situation", "S", "Context". */
  label: string;
  /** Further parts a combined label stands for: "Situation/Task" covers the Task too. */
  covers?: SectionKind[];
  style: LabelStyle;
  /** Level of a heading label (3 for ### Situation). */
  headingLevel?: number;
  /** From the start of the label to the end of the section's last word. */
  range: Range;
  labelRange: Range;
  /** The section's words, without the label, as plain text. */
  text: string;
  words: number;
}

export interface Question {
  title: string;
  /** Where the question text itself is written. */
  titleRange: Range;
  /** The whole story: its question and all its sections. */
  range: Range;
  container: StoryContainer;
  sections: Section[];
  /** An answer written without any STAR label: its words, where they are. */
  prose?: { text: string; words: number; range: Range };
}

export interface Principle {
  title: string;
  /** The H1; empty at the start of the file when the title comes from the file name. */
  titleRange: Range;
  range: Range;
  definition?: string;
  definitionRange?: Range;
  questions: Question[];
}

export interface BankFile {
  principles: Principle[];
  /** True when the text holds at least one story. */
  hasStories: boolean;
  /** What could not be read, in words for the user (e.g. HTML nested too deeply). */
  problems?: string[];
}
