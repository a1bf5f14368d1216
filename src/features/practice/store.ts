import * as vscode from 'vscode';
import type { BankFile } from '../../core/model';
import { matchRecords, parseHistory, recordFor, recordRating, storyIdentity, type Outcome, type PracticeHistory } from '../../core/practice/history';
import { progressOf } from '../../core/practice/schedule';
import { isPracticable, type PracticeStory } from '../../core/practice/session';
import { practiceMark } from '../../core/tree/practiceMark';
import type { TreeOptions } from '../../core/tree/model';

const KEY = 'starAnswers.practice.history';

/**
 * The practice history, in the workspace's extension state (never in the user's files): one record
 * per story, found again by question or words (src/core/practice/history.ts).
 */
export class PracticeStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  get history(): PracticeHistory {
    return parseHistory(this.memento.get<unknown>(KEY));
  }

  /** Every story of the bank, with its record when it was practised before. */
  stories(files: readonly { uri: vscode.Uri; bank: BankFile }[]): PracticeStory[] {
    const stories = files.flatMap((f) => f.bank.principles.flatMap((p) => p.questions.filter(isPracticable).map((question) => ({ uri: f.uri.toString(), principle: p.title, question }))));
    const history = this.history;
    const records = matchRecords(stories.map((s) => storyIdentity(s.question)), history);
    return stories.map((s, i) => ({ ...s, record: records[i] === undefined ? undefined : history.records[records[i]!] }));
  }

  async rate(story: PracticeStory, outcome: Outcome, seconds: number | undefined, bank: readonly BankFile[], now = Date.now()): Promise<void> {
    const history = this.history;
    const identity = storyIdentity(story.question);
    const all = bank.flatMap((b) => b.principles.flatMap((p) => p.questions.map(storyIdentity)));
    const record = recordFor(identity, all, history);
    const rating = seconds === undefined ? { at: now, outcome } : { at: now, outcome, seconds: Math.round(seconds) };
    await this.memento.update(KEY, recordRating(history, { ...identity, title: story.question.title }, rating, record));
    this.changeEmitter.fire();
  }

  /** For the tree: what each story's practice says, matched over the whole bank at once. */
  marks(banks: readonly BankFile[], now = Date.now()): TreeOptions['practice'] {
    const history = this.history;
    if (!history.records.length) return undefined;
    const questions = banks.flatMap((b) => b.principles.flatMap((p) => p.questions));
    const records = matchRecords(questions.map(storyIdentity), history);
    const byQuestion = new Map(questions.map((q, i) => [q, records[i]]));
    return (question) => {
      const r = byQuestion.get(question);
      return r === undefined ? undefined : practiceMark(progressOf(history.records[r].ratings), now);
    };
  }

  /** Forgets every rating (for the tests and for a fresh start). */
  async clear(): Promise<void> {
    await this.memento.update(KEY, undefined);
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
