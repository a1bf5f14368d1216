import { isQuantified } from '../lint/quantity';
import { countWords } from '../text/words';
import { STAR_KINDS, type Question, type SectionKind } from '../model';

/**
 * What a question of a bank holds:
 * - `story`: STAR sections (a lone label counts only where the file already tells a story, see `tellsAStory`);
 * - `prose`: an answer in words with no STAR label: a question of the bank, not a broken story;
 * - `todo`: a question with nothing under it yet;
 * - `guidance`: labels whose sections tell the reader what to write ("Describe the outcome…"), as a page
 *   explaining the STAR method does: not a story.
 */
export type QuestionShape = 'story' | 'prose' | 'todo' | 'guidance';

export function questionShape(question: Question): QuestionShape {
  let shape = shapes.get(question);
  if (!shape) shapes.set(question, (shape = shapeOf(question)));
  return shape;
}

/** Parsed questions are never changed in place (an edit makes new ones): their shape is worked out once. */
const shapes = new WeakMap<Question, QuestionShape>();

function shapeOf(question: Question): QuestionShape {
  if (!question.sections.length) return question.prose ? 'prose' : 'todo';
  // Lessons alone ("**Reflection:** …" in a list of tips) are no STAR story, not even an unfinished one.
  if (question.sections.every((s) => s.kind === 'learning' && !s.covers?.length)) return 'guidance';
  if (isGuidance(question)) return 'guidance';
  // One labelled note in a cheat sheet ("**Outcome**: results and lessons learned") is not an unfinished story.
  const parts = partsOf(question);
  if (STAR_KINDS.filter((k) => parts.has(k)).length < 2 && isNotes(question)) return 'guidance';
  return 'story';
}

/** The parts a story has, combined labels ("Situation/Task") counted for each part they name. */
export function partsOf(question: Question): Set<SectionKind> {
  const parts = new Set<SectionKind>();
  for (const section of question.sections) {
    parts.add(section.kind);
    for (const kind of section.covers ?? []) parts.add(kind);
  }
  return parts;
}

/**
 * A question that is a story on its own, whatever the rest of the file: two different STAR parts that tell
 * events (from a Situation or an Action to an Action or a Result), or a
 * labelled section in the reference <details> shape. One label alone ("Result:" in an algorithms page, a
 * "Responsibilities" heading) makes no story bank; in a file that has one, it is an unfinished story.
 */
export function tellsAStory(question: Question): boolean {
  if (questionShape(question) !== 'story' || isNotes(question)) return false;
  if (question.container === 'details') return true;
  const parts = partsOf(question);
  // Events are told from a Situation or an Action to an Action or a Result: a Task and a Result alone
  // ("Responsibilities" and "Impact" in a career ladder) or a Situation and a Task alone ("Background" and
  // "Goals" in a design doc) are no story.
  const told = (kinds: SectionKind[]) => kinds.some((k) => parts.has(k));
  return STAR_KINDS.filter((k) => parts.has(k)).length >= 2 && told(['situation', 'action']) && told(['action', 'result']);
}

const INSTRUCTION = /^(?:\d+[.)]\s*)?(?:briefly\s+|then\s+|now\s+|next,?\s+)?(?:describe|explain|share|talk about|mention|outline|discuss|detail|state|highlight|give|provide|summari[sz]e|tell (?:the interviewer|them|us|me)|include|focus on|set the scene|quantify|walk (?:the interviewer|them|us|me) through|identify|clarify|specify|emphasi[sz]e|note|list|end with|finish with|close with|start with|begin with|conclude|reflect on|show|make sure|be specific|keep it|don't|do not|avoid|remember|your\b|what (?:you|changed|happened|was|were|did)\b|(?:how|why|where|when|who) you\b)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/gi;
const FIRST_PERSON = /\b(?:i|me|my|mine|myself|we|us|our|ours)\b/gi;
const SPEAKS_AS_ME = new RegExp(FIRST_PERSON.source, 'i');

/** Sections that instruct the reader ("Describe the outcome…", "What was your role?") instead of telling events. */
function isGuidance(question: Question): boolean {
  const written = question.sections.filter((s) => s.words > 0 && !isPlaceholder(s.text));
  if (written.length < 2) return false;
  // A timing plan ("Situation: 15 seconds", "Action: 50%") is advice on telling, not a story.
  if (written.every((s) => TIMING.test(s.text.trim()))) return true;
  const instructions = written.filter((s) => isInstruction(s.text)).length;
  // A cheat sheet's notes ("Results and lessons learned") beside instructions: nobody's story.
  const notes = written.filter((s) => s.words <= 8 && !SPEAKS_AS_ME.test(s.text)).length;
  return instructions * 2 >= written.length + 1 || instructions === written.length || (instructions > 0 && instructions + notes >= written.length);
}

/**
 * Labelled lines that tell nobody's story: a cheat sheet's notes ("Scenario | Approach" rows of a few words),
 * a career ladder ("**Impact:** They mentor…"). Such a question does not make a file a story bank; in a file
 * that is one, it is read as an unfinished story. A terse story that counts what it achieved is a story.
 */
function isNotes(question: Question): boolean {
  const written = question.sections.filter((s) => s.words > 0 && !isPlaceholder(s.text));
  if (!written.length || written.some((s) => isQuantified(s.text))) return false;
  if (written.every((s) => s.words <= 8 && !SPEAKS_AS_ME.test(s.text))) return true;
  const all = written.map((s) => s.text).join('\n');
  return !SPEAKS_AS_ME.test(all) && OTHERS.test(all);
}

const TIMING = /^[~≈]?[\d\s.,–-]+(?:%|percent|s|secs?|seconds?|mins?|minutes?|words?)?\.?$/i;
const OTHERS = /\b(?:they|their|them|he|she|his|her|you|your)\b/i;

/** A template's placeholder ("[describe the situation]") is the writer's unfinished story. */
function isPlaceholder(text: string): boolean {
  return /^[[<{(]/.test(text.trim());
}

function isInstruction(text: string): boolean {
  const body = text.trim();
  if (INSTRUCTION.test(body)) return true;
  const second = body.match(SECOND_PERSON)?.length ?? 0;
  const first = body.match(FIRST_PERSON)?.length ?? 0;
  return (second >= 2 && second > first * 2) || (second >= 1 && first === 0 && countWords(body) <= 12);
}
