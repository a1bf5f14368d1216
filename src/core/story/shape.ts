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
  if (!question.sections.length) return question.prose ? 'prose' : 'todo';
  return isGuidance(question) ? 'guidance' : 'story';
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
 * A question that is a story on its own, whatever the rest of the file: two different STAR parts, or a
 * labelled section in the reference <details> shape. One label alone ("Result:" in an algorithms page, a
 * "Responsibilities" heading) makes no story bank; in a file that has one, it is an unfinished story.
 */
export function tellsAStory(question: Question): boolean {
  if (questionShape(question) !== 'story') return false;
  if (question.container === 'details') return true;
  const parts = partsOf(question);
  return STAR_KINDS.filter((k) => parts.has(k)).length >= 2;
}

const INSTRUCTION = /^(?:\d+[.)]\s*)?(?:briefly\s+|then\s+|now\s+|next,?\s+)?(?:describe|explain|share|talk about|mention|outline|discuss|detail|state|highlight|give|provide|summari[sz]e|tell (?:the interviewer|them|us|me)|include|focus on|set the scene|quantify|walk (?:the interviewer|them|us|me) through|identify|clarify|specify|emphasi[sz]e|note|list|end with|finish with|close with|start with|begin with|conclude|reflect on|show|make sure|be specific|keep it|don't|do not|avoid|remember)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/gi;
const FIRST_PERSON = /\b(?:i|me|my|mine|myself|we|us|our|ours)\b/gi;

/** Sections that instruct the reader ("Describe the outcome…", "What was your role?") instead of telling events. */
function isGuidance(question: Question): boolean {
  const written = question.sections.filter((s) => s.words > 0);
  if (written.length < 2) return false;
  const instructions = written.filter((s) => isInstruction(s.text)).length;
  return instructions * 2 >= written.length + 1 || instructions === written.length;
}

function isInstruction(text: string): boolean {
  const body = text.trim();
  // A template's placeholder ("[describe the situation]") is the writer's unfinished story.
  if (/^[[<{(]/.test(body)) return false;
  if (INSTRUCTION.test(body)) return true;
  const second = body.match(SECOND_PERSON)?.length ?? 0;
  const first = body.match(FIRST_PERSON)?.length ?? 0;
  return second >= 2 && second > first * 2;
}
