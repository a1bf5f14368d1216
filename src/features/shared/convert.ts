import * as vscode from 'vscode';
import type { Position, Range } from '../../core/model';

/** The one place where the core's ranges become VS Code's. */
export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A range as the editor shows it, lines and columns (not offsets), as text: for telling whether what is shown changed. */
export function shownRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function toVsPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}
