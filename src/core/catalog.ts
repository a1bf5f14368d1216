/** Principle catalogs: the principles a story bank is expected to cover, as data. */
import { titleFromFileName } from './text/fileTitle';

export interface CatalogPrinciple {
  title: string;
  /** One line: what the principle asks of a candidate. */
  definition: string;
  /** Other names the principle is filed under ("Disagree and Commit"). */
  aliases?: string[];
}

/** Amazon's 16 Leadership Principles, each with a one-line definition. */
export const AMAZON_PRINCIPLES: readonly CatalogPrinciple[] = [
  {
    title: 'Customer Obsession',
    definition: 'Leaders start with the customer and work backwards. They work vigorously to earn and keep customer trust.',
  },
  {
    title: 'Ownership',
    definition: "Leaders are owners. They think long term and don't sacrifice long-term value for short-term results.",
  },
  {
    title: 'Invent and Simplify',
    definition: 'Leaders expect and require innovation and invention from their teams and always find ways to simplify.',
  },
  {
    title: 'Are Right, A Lot',
    definition: 'Leaders are right a lot. They have strong judgment and good instincts, seek diverse perspectives, and work to disconfirm their beliefs.',
    aliases: ['Are Right A Lot', 'Right a Lot'],
  },
  {
    title: 'Learn and Be Curious',
    definition: 'Leaders are never done learning and always seek to improve themselves. They are curious about new possibilities and act to explore them.',
  },
  {
    title: 'Hire and Develop the Best',
    definition: 'Leaders raise the performance bar with every hire and promotion. They recognize exceptional talent and take seriously their role in coaching others.',
  },
  {
    title: 'Insist on the Highest Standards',
    definition: 'Leaders have relentlessly high standards, continually raise the bar, and ensure that defects do not get sent down the line.',
  },
  {
    title: 'Think Big',
    definition: 'Thinking small is a self-fulfilling prophecy. Leaders create and communicate a bold direction that inspires results.',
  },
  {
    title: 'Bias for Action',
    definition: 'Speed matters in business. Many decisions and actions are reversible and do not need extensive study. We value calculated risk taking.',
  },
  {
    title: 'Frugality',
    definition: 'Accomplish more with less. Constraints breed resourcefulness, self-sufficiency, and invention.',
  },
  {
    title: 'Earn Trust',
    definition: 'Leaders listen attentively, speak candidly, and treat others respectfully. They are vocally self-critical and benchmark themselves against the best.',
  },
  {
    title: 'Dive Deep',
    definition: 'Leaders operate at all levels, stay connected to the details, audit frequently, and are skeptical when metrics and anecdote differ.',
  },
  {
    title: 'Have Backbone; Disagree and Commit',
    definition: 'Leaders respectfully challenge decisions when they disagree, even when doing so is uncomfortable; once a decision is made, they commit wholly.',
    aliases: ['Have Backbone', 'Disagree and Commit', 'Have Backbone, Disagree and Commit'],
  },
  {
    title: 'Deliver Results',
    definition: 'Leaders focus on the key inputs for their business and deliver them with the right quality and in a timely fashion.',
  },
  {
    title: "Strive to be Earth's Best Employer",
    definition: 'Leaders work every day to create a safer, more productive, higher performing, more diverse, and more just work environment.',
    aliases: ["Earth's Best Employer"],
  },
  {
    title: 'Success and Scale Bring Broad Responsibility',
    definition: 'We started in a garage, but we are not there anymore. Leaders are humble and thoughtful about even the secondary effects of their actions.',
  },
];

export type CatalogChoice = 'amazon' | 'none' | 'custom';

/**
 * The catalog a user chose. `custom` reads a user list of {title, definition}; entries without a
 * usable title are skipped, so a half-written setting never breaks the tree.
 */
export function resolveCatalog(choice: string | undefined, custom: unknown): CatalogPrinciple[] {
  if (choice === 'none') return [];
  if (choice === 'custom') return sanitizeCustomCatalog(custom);
  return [...AMAZON_PRINCIPLES];
}

export function sanitizeCustomCatalog(value: unknown): CatalogPrinciple[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const result: CatalogPrinciple[] = [];
  for (const entry of value) {
    const raw = typeof entry === 'string' ? { title: entry } : entry;
    if (!raw || typeof raw !== 'object') continue;
    const title = typeof (raw as { title?: unknown }).title === 'string' ? (raw as { title: string }).title.trim() : '';
    if (!title || seen.has(normalizePrincipleTitle(title))) continue;
    seen.add(normalizePrincipleTitle(title));
    const definition = (raw as { definition?: unknown }).definition;
    result.push({ title, definition: typeof definition === 'string' ? definition.trim() : '' });
  }
  return result;
}

const normalized = new Map<string, string>();

/** "1. Have Backbone; Disagree & Commit" and "have backbone disagree and commit" read alike. */
export function normalizePrincipleTitle(title: string): string {
  let key = normalized.get(title);
  if (key === undefined) {
    // The tree and the plan ask for the same few titles thousands of times a build; the memo stays small.
    if (normalized.size >= 10_000) normalized.clear();
    key = normalizeTitle(title);
    normalized.set(title, key);
  }
  return key;
}

function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(?:\d+[.)]|[-*•])\s*/, '')
    .replace(/&/g, ' and ')
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The catalog entry a principle title belongs to, by title or alias. */
export function findCatalogPrinciple(catalog: readonly CatalogPrinciple[], title: string): CatalogPrinciple | undefined {
  const key = normalizePrincipleTitle(title);
  if (!key) return undefined;
  return catalog.find((p) => normalizePrincipleTitle(p.title) === key || (p.aliases ?? []).some((a) => normalizePrincipleTitle(a) === key));
}

/** The first ATX heading of level 1, its text without closing hashes. */
const FIRST_H1 = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/m;
const catalogKeys = new WeakMap<readonly CatalogPrinciple[], Set<string>>();

/**
 * Whether a file may be the file of a principle of the catalog: its name or its first level-1 heading (the
 * principle's title) names one. Cheap and generous: a false yes costs a parse, a false no leaves a principle's
 * file without a story out of the Story Bank until it is opened.
 */
export function mayBePrincipleFile(text: string, path: string, catalog: readonly CatalogPrinciple[]): boolean {
  if (!catalog.length) return false;
  let keys = catalogKeys.get(catalog);
  if (!keys) catalogKeys.set(catalog, (keys = new Set(catalog.flatMap((p) => [p.title, ...(p.aliases ?? [])].map(normalizePrincipleTitle)))));
  const names = (title: string) => keys.has(normalizePrincipleTitle(title.replace(/[*_`]/g, '')));
  const title = FIRST_H1.exec(text)?.[1];
  return names(titleFromFileName(path)) || (title !== undefined && names(title));
}
