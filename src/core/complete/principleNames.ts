import { normalizePrincipleTitle } from '../catalog';
import { principleLineAt } from '../storyPrinciples';

export interface PrincipleNameCompletions {
  /** Offsets of what a chosen name replaces: the name being typed, from its start to the cursor's word end. */
  start: number;
  end: number;
  /** Principle titles not yet on the line, in the order given. */
  names: string[];
}

/**
 * Principle names to offer on a story's `**Principles:**` line (or `Tags:` line, or principles comment),
 * after the label: every title of `titles` not already listed. Undefined anywhere else.
 */
export function completePrincipleNames(text: string, offset: number, titles: readonly string[]): PrincipleNameCompletions | undefined {
  const line = principleLineAt(text, offset);
  if (!line || offset < line.listStart || offset > line.listEnd + 1) return undefined;
  const current = line.names.find((n) => n.start <= offset && offset <= n.end);
  const listed = new Set(line.names.filter((n) => n !== current).map((n) => normalizePrincipleTitle(n.text.replace(/[-_]+/g, ' '))));
  const seen = new Set<string>();
  const names = titles.filter((t) => {
    const key = normalizePrincipleTitle(t);
    if (!key || listed.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!names.length) return undefined;
  return current ? { start: current.start, end: current.end, names } : { start: offset, end: offset, names };
}
