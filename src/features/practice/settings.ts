import * as vscode from 'vscode';

/** The countdown of each question, in seconds (starAnswers.practice.targetMinutes, default 2). */
export function targetSeconds(): number {
  const minutes = vscode.workspace.getConfiguration('starAnswers').get<number>('practice.targetMinutes', 2);
  return Math.round((Number.isFinite(minutes) && minutes >= 0.25 && minutes <= 30 ? minutes : 2) * 60);
}

/** Questions per session (starAnswers.practice.sessionLength, default 10). */
export function sessionLength(): number {
  const n = vscode.workspace.getConfiguration('starAnswers').get<number>('practice.sessionLength', 10);
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : 10;
}
