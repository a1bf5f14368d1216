/** Makes ids unique: the second use of a base gets `base~1`, the third `base~2`. */
export class IdMaker {
  private readonly used = new Map<string, number>();
  make(base: string): string {
    const n = this.used.get(base) ?? 0;
    this.used.set(base, n + 1);
    return n === 0 ? base : `${base}~${n}`;
  }
}

/**
 * A section's id is its question's id, a slash and its kind (`…/action`, `…/missing-task`, `…/action~1` for a second
 * Action). The question's id ends in normalized titles, which hold no slash, so the question is found again from it.
 */
export function sectionId(questionId: string, part: string): string {
  return `${questionId}/${part}`;
}

export function questionIdOfSection(id: string): string | undefined {
  const slash = id.lastIndexOf('/');
  return id.startsWith('question:') && slash > 0 ? id.slice(0, slash) : undefined;
}
