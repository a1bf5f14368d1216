import type { Position, Question, Range } from '../model';
import type { LintDiagnostic } from '../lint/types';

/** One edit: offsets in both texts, and where it starts and the new text ends as positions of the new text. */
export interface TextEdit {
  /** First changed offset, the same in both texts. */
  start: number;
  /** End of the replaced text in the previous text. */
  oldEnd: number;
  /** End of the new text. */
  newEnd: number;
  delta: number;
  startPosition: Position;
  newEndPosition: Position;
}

/**
 * Moves positions of the previous text to the new one by the edit's deltas, without a search: the offset
 * by the length change, the line by the line breaks added, the column only on the line the edit ends on.
 * Positions inside the replaced text go to its end. The replaced text holds no line break (the quick
 * re-read takes no other edit), so it ends on the line it starts on. The worker moves its reading with it
 * and the extension host its copy (src/core/worker/patch.ts): both must move alike.
 */
export class EditShift {
  static readonly none = new EditShift(undefined);
  private readonly oldEndLine: number = 0;
  private readonly oldEndCharacter: number = 0;
  private readonly lineDelta: number = 0;

  constructor(readonly edit: TextEdit | undefined) {
    if (!edit) return;
    this.oldEndLine = edit.startPosition.line;
    this.oldEndCharacter = edit.startPosition.character + edit.oldEnd - edit.start;
    this.lineDelta = edit.newEndPosition.line - edit.startPosition.line;
  }

  offset(offset: number): number {
    const edit = this.edit;
    if (!edit || offset < edit.start) return offset;
    return offset >= edit.oldEnd ? offset + edit.delta : edit.newEnd;
  }

  position(p: Position): Position {
    const edit = this.edit;
    if (!edit || p.offset < edit.start) return p;
    if (p.offset < edit.oldEnd) return edit.newEndPosition;
    const character = p.line === this.oldEndLine ? p.character - this.oldEndCharacter + edit.newEndPosition.character : p.character;
    return { line: p.line + this.lineDelta, character, offset: p.offset + edit.delta };
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  question(q: Question): Question {
    return {
      ...q,
      titleRange: this.range(q.titleRange),
      range: this.range(q.range),
      sections: q.sections.map((s) => ({ ...s, range: this.range(s.range), labelRange: this.range(s.labelRange) })),
      ...(q.prose ? { prose: { ...q.prose, range: this.range(q.prose.range) } } : {}),
    };
  }

  /** A finding of the previous text, with its related places in the same file and its fix, moved. */
  finding<F extends Pick<LintDiagnostic, 'range' | 'related' | 'fix'>>(finding: F): F {
    const moved: F = { ...finding, range: this.range(finding.range) };
    if (finding.related) moved.related = finding.related.map((r) => (r.uri === undefined ? { ...r, range: this.range(r.range) } : r));
    if (finding.fix) {
      const { insertion } = finding.fix;
      moved.fix = { ...finding.fix, insertion: { ...insertion, offset: this.offset(insertion.offset) } };
    }
    return moved;
  }
}
