import type { BankFile, Question } from '../model';
import type { Reread } from '../parser/incremental';
import type { EditShift } from '../text/editShift';
import { findDirectives, type Directive } from './comments';
import { sortFindings, startLint, storyAnchor, type LintInput } from './runner';
import type { LintDiagnostic } from './types';

/**
 * Lints a file after the quick re-read of one story: the rules that read one story at a time run on the
 * edited story only, and the other stories' findings are carried over, moved by the edit. Rules that read
 * other stories (duplicate-story) run again over every story. Returns undefined when the edit may change
 * more than its story's findings (a switch comment changed), and the caller lints the whole file.
 *
 * `previous` are the findings of lintBank (or of this function) for the text and bank before the edit,
 * with the same settings.
 */
export function relintEdit(
  previousBank: BankFile,
  previousText: string,
  previous: readonly LintDiagnostic[],
  reread: Reread,
  input: LintInput,
  /** Filled with each finding that was only moved by the edit, to the previous finding it was moved from (the typing worker's patch). */
  movedFindings?: Map<LintDiagnostic, LintDiagnostic>,
): LintDiagnostic[] | undefined {
  const { bank } = input;
  if (!reread.edited) return previous.slice();
  if (bank.hasStories !== previousBank.hasStories) return undefined;
  const run = startLint(input);
  if (!run) return [];
  const { before, after } = reread.edited;
  // A switch comment moved into, out of or within the edit, or the edited story's anchor moved (disable-next-story): lint it all.
  if (!sameDirectives(findDirectives(previousText), run.switches.directives, reread.shift)) return undefined;
  if (!run.switches.empty && storyAnchor(after) !== reread.shift.offset(storyAnchor(before))) return undefined;

  const moved = movedQuestions(previousBank, bank, before, after);
  if (!moved) return undefined;
  // Rules across stories read the bank's files, and find nothing without them (the typing worker lints one file).
  const across = new Set(input.files ? run.active.filter((a) => a.rule.acrossStories).map((a) => a.rule.id) : []);
  const out: LintDiagnostic[] = [];
  for (const finding of previous) {
    if (finding.question === before || across.has(finding.rule)) continue;
    const question = moved.get(finding.question);
    if (!question) return undefined;
    if (question === finding.question) out.push(finding);
    else {
      const shifted = { ...reread.shift.finding(finding), question };
      movedFindings?.set(shifted, finding);
      out.push(shifted);
    }
  }
  let previousAnchor = 0;
  for (const principle of bank.principles) {
    for (const question of principle.questions) {
      if (question === after) run.story(principle, question, previousAnchor, out, (rule) => !rule.acrossStories);
      if (across.size) run.story(principle, question, previousAnchor, out, (rule) => across.has(rule.id));
      previousAnchor = storyAnchor(question);
    }
  }
  return sortFindings(out);
}

/** Each story of the previous bank to the same story in the new one (the edited story excepted). */
function movedQuestions(previous: BankFile, bank: BankFile, before: Question, after: Question): Map<Question, Question> | undefined {
  const old = previous.principles.flatMap((p) => p.questions);
  const now = bank.principles.flatMap((p) => p.questions);
  if (old.length !== now.length) return undefined;
  const map = new Map<Question, Question>();
  for (let i = 0; i < old.length; i++) {
    if ((old[i] === before) !== (now[i] === after)) return undefined;
    map.set(old[i], now[i]);
  }
  return map;
}

function sameDirectives(before: Directive[], after: readonly Directive[], shift: EditShift): boolean {
  if (before.length !== after.length) return false;
  return before.every((d, i) => {
    const a = after[i];
    return a.type === d.type && a.start === shift.offset(d.start) && a.end === shift.offset(d.end) && a.rules.join(' ') === d.rules.join(' ');
  });
}
