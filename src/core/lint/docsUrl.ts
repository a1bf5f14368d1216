/** The one place that names the project's repository (placeholder until the project is published). */
export const REPOSITORY_URL = 'https://github.com/star-answers/star-answers';

/** Where a rule's docs page is read online. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
