import { rule as duplicateSection } from '../rules/duplicate-section';
import { rule as duplicateStory } from '../rules/duplicate-story';
import { rule as emptySection } from '../rules/empty-section';
import { rule as filler } from '../rules/filler';
import { rule as hedge } from '../rules/hedge';
import { rule as missingSection } from '../rules/missing-section';
import { rule as ownership } from '../rules/ownership';
import { rule as passiveAction } from '../rules/passive-action';
import { rule as proseAnswer } from '../rules/prose-answer';
import { rule as sectionOrder } from '../rules/section-order';
import { rule as thinAction } from '../rules/thin-action';
import { rule as tooLong } from '../rules/too-long';
import { rule as unquantifiedResult } from '../rules/unquantified-result';
import { rule as vagueResult } from '../rules/vague-result';
import type { Rule } from './types';

/** The wording rules: the words a story is told in, after its structure. */
const WORDING_RULES: readonly Rule[] = [hedge, filler, vagueResult, passiveAction];

/** Every rule, in the order their diagnostics are listed for one position. */
export const RULES: readonly Rule[] = [missingSection, emptySection, sectionOrder, duplicateSection, unquantifiedResult, ownership, thinAction, tooLong, proseAnswer, ...WORDING_RULES, duplicateStory];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
