import { normalizePrincipleTitle } from '../catalog';
import { coverageLabel, type Coverage, type CoverageRow } from '../plan/coverage';
import { escapeMarkdown } from './markdown';
import type { PlanNode, PlanPrincipleNode, PrincipleNode } from './model';

/** The "Interview plan" node: each targeted principle with its finished stories, gaps first flagged. */
export function planNode(coverage: Coverage, principles: readonly PrincipleNode[]): PlanNode {
  const short = coverage.rows.length - coverage.ready;
  const node: PlanNode = {
    id: 'plan',
    kind: 'plan',
    label: 'Interview plan',
    description: `${coverage.ready} of ${coverage.rows.length} ready${short ? ` · ${short} short` : ''}`,
    tooltip: [
      '**Interview plan**',
      '',
      `A loop asks ${coverage.minStories} or more questions per principle: ${coverage.ready} of ${coverage.rows.length} targeted principles have ${coverage.minStories} finished stories or more.`,
      '',
      'Targets: `starAnswers.interviewPlan.principles` (empty: the whole catalog).',
    ].join('\n'),
    icon: short ? 'checklist' : 'pass-filled',
    contextValue: 'plan',
    parent: undefined,
    children: [],
    expanded: false,
  };
  // The first principle filed under each catalog title, else under its own title (that order wins).
  const byCatalog = new Map<string, PrincipleNode>();
  const byTitle = new Map<string, PrincipleNode>();
  for (const p of principles) {
    const own = normalizePrincipleTitle(p.principle.title);
    if (!byTitle.has(own)) byTitle.set(own, p);
    if (!p.catalog) continue;
    const key = normalizePrincipleTitle(p.catalog.title);
    if (!byCatalog.has(key)) byCatalog.set(key, p);
  }
  const filedAs = (key: string) => byCatalog.get(key) ?? byTitle.get(key);
  node.children = coverage.rows.map((row) => planRow(node, row, coverage.minStories, filedAs));
  return node;
}

function planRow(parent: PlanNode, row: CoverageRow, min: number, filedAs: (key: string) => PrincipleNode | undefined): PlanPrincipleNode {
  const key = normalizePrincipleTitle(row.principle.title);
  const filed = filedAs(key);
  const lines = [`**${escapeMarkdown(row.principle.title)}**`];
  if (row.principle.definition) lines.push('', `_${escapeMarkdown(row.principle.definition)}_`);
  lines.push('', row.missing ? `${row.finished} finished ${row.finished === 1 ? 'story' : 'stories'}: write ${row.missing} more to have ${min}.` : `${row.finished} finished stories: ready.`);
  return {
    id: `plan:${key}`,
    kind: 'planPrinciple',
    label: row.principle.title,
    description: coverageLabel(row),
    tooltip: lines.join('\n'),
    icon: row.missing ? 'warning' : 'pass',
    color: row.missing ? 'list.warningForeground' : 'testing.iconPassed',
    contextValue: row.missing ? 'planPrinciple.short' : 'planPrinciple',
    parent,
    children: [],
    expanded: false,
    target: filed?.target,
    row,
  };
}
