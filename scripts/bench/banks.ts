/**
 * Generated story banks for the benches (`npm run bench`, `npm run bench:editor`): the seed's `<details>` format,
 * bold labels and headings, in rotation, and README-like documents without a story.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * One story in each format. `vary` (optional) is a phrase told in every section, so that stories differ in
 * their words as the stories of a real bank do (without it, every story of a format is the same story, which
 * the duplicate-story rule compares as copies).
 */
export const STYLES = [
  (n: number, vary = '') => `<details>\n<summary><b>Tell me about a time you delivered under pressure (${n}).</b></summary>\n<ul>\n    <li>\n        <b>Situation: </b><br>\n        - A customer moved their go-live date forward by a month${vary}<br>\n    </li>\n    <li>\n        <b>Task: </b><br>\n        - I had to deliver the two features they needed most${vary}<br>\n    </li>\n    <li>\n        <b>Action: </b><br>\n        - I cut scope with the customer, planned a second release and we shipped nightly builds${vary}<br>\n    </li>\n    <li>\n        <b>Result: </b><br>\n        - The customer went live on the new date with ${n % 7}0% of the scope${vary}\n    </li>\n</ul>\n</details>\n\n`,
  (n: number, vary = '') => `## Story ${n}: the on-call rotation nobody owned\n\n**Question:** "Tell me about a time you took ownership."\n\n**Situation:** Alerts went to a shared inbox that nobody read${vary}.\n\n**Task:** I wanted incidents to reach a person within five minutes${vary}.\n\n**Action:** I set up a rotation of six volunteers and wrote runbooks for the eight most frequent alerts${vary}.\n\n**Result:** Time to acknowledge dropped from 3 hours to 4 minutes${vary}.\n\n`,
  (n: number, vary = '') => `## Give an example of when you used data (${n})\n\n### Situation\nProduct wanted to remove a legacy export${vary}.\n\n### Task\nI was asked to estimate the work${vary}.\n\n### Action\n- I queried the access logs first${vary}.\n- I found three large customers calling it daily.\n\n### Result\nWe kept the export and moved it to the new API${vary}.\n\n`,
];

const PLACES = ['billing', 'search', 'checkout', 'payroll', 'onboarding', 'analytics', 'mobile', 'warehouse', 'support', 'identity', 'pricing', 'logistics', 'reporting', 'hiring', 'security', 'storage'];
const WHEN = ['spring', 'summer', 'autumn', 'winter'];

/** A phrase that sets one story apart from the others: a team, a season, a year and a ticket number. */
export function storyPhrase(file: number, story: number): string {
  const k = file * 997 + story * 31;
  return ` for the ${PLACES[k % PLACES.length]} team of ${PLACES[(k >> 4) % PLACES.length]} in ${WHEN[story % 4]} ${2010 + (k % 15)} under ticket ${file}-${story}`;
}

export function bankText(stories: number, seed: number): string {
  let text = `# Principle ${seed}\n\nLeaders do things, measured and on time.\n\n`;
  for (let i = 0; i < stories; i++) text += STYLES[(i + seed) % STYLES.length](i);
  return text;
}

/** A README-like document without a story: what a workspace holds beside its bank. */
export function unrelatedText(bytes: number, seed: number): string {
  let text = `# Notes ${seed}\n\n`;
  for (let i = 0; text.length < bytes; i++) {
    text += i % 4 === 0 ? `## Part ${i}\n\nSome context on the setup, with a [link](https://example.com/${i}) and \`code\`.\n\n` : `- an item about the project, number ${i}\n- another item\n\n`;
  }
  return text;
}

/** A story of about 200 bytes, for the smallest bank. */
export const tinyStory = (n: number) => `## Q${n}\n\n**Situation:** a late order.\n**Task:** ship it.\n**Action:** I re-planned.\n**Result:** ${n % 5}0% faster.\n\n`;

/** A story file of about `bytes`, the formats in rotation; `varied` tells every story apart (see STYLES). */
export function storyFileText(bytes: number, seed: number, varied = false): string {
  let text = `# Principle ${seed}\n\n`;
  for (let n = 0; text.length < bytes; n++) text += bytes < 1000 ? tinyStory(n) : STYLES[(n + seed) % STYLES.length](n, varied ? storyPhrase(seed, n) : '');
  return text;
}

/**
 * 1,000 files of about totalBytes / 1,000 each in `dir`/p0 … p9; one in six without a story unless
 * `storyless` says otherwise (0: every file tells stories). Returns the bytes written.
 */
export function writeBank(dir: string, totalBytes: number, options: { storyless?: number; varied?: boolean } = {}): number {
  const storyless = options.storyless ?? 6;
  fs.mkdirSync(dir, { recursive: true });
  const per = Math.round(totalBytes / 1000);
  let written = 0;
  for (let i = 0; i < 1000; i++) {
    const text = storyless > 0 && i % storyless === storyless - 1 ? unrelatedText(per, i) : storyFileText(per, i, options.varied);
    fs.mkdirSync(path.join(dir, `p${i % 10}`), { recursive: true });
    fs.writeFileSync(path.join(dir, `p${i % 10}`, `file-${i}.md`), text);
    written += Buffer.byteLength(text);
  }
  return written;
}
