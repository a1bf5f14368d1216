import { SECTION_NAMES, type Section } from '../model';
import { SECTION_ORDER } from '../lint/sectionNames';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  id: 'section-order',
  description: 'Sections come in S-T-A-R order (Situation, Task, Action, Result, then Learning).',
  defaultSeverity: 'warning',
  check({ question }, report) {
    const sections = question.sections;
    const inOrder = longestOrderedRun(sections);
    if (inOrder.size === sections.length) return;
    const kept = sections.filter((s) => inOrder.has(s));
    for (const section of sections) {
      if (inOrder.has(section)) continue;
      const order = SECTION_ORDER[section.kind];
      const before = kept.find((s) => SECTION_ORDER[s.kind] > order);
      const after = [...kept].reverse().find((s) => SECTION_ORDER[s.kind] < order);
      const where = after ? `after ${SECTION_NAMES[after.kind]}` : before ? `before ${SECTION_NAMES[before.kind]}` : 'in S-T-A-R order';
      report({ message: `${SECTION_NAMES[section.kind]} is out of S-T-A-R order: move it ${where}.`, range: section.labelRange, kind: section.kind });
    }
  },
};

/** The most sections that already stand in order (ties keep the earliest); the others are out of place. */
function longestOrderedRun(sections: Section[]): Set<Section> {
  const n = sections.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (SECTION_ORDER[sections[j].kind] <= SECTION_ORDER[sections[i].kind] && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (length[i] > length[best]) best = i;
  const run = new Set<Section>();
  for (let i = n ? best : -1; i >= 0; i = previous[i]) run.add(sections[i]);
  return run;
}
