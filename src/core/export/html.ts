import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { normalizePrincipleTitle, type CatalogPrinciple } from '../catalog';
import type { BankFile, Question } from '../model';
import { planCoverage, type Coverage } from '../plan/coverage';
import { renderBankNodes, type RenderedStory } from '../render/bank';
import { el } from '../render/hast';
import { formatDuration, speakingSeconds, storyWords } from '../text/words';
import { EXPORT_CSS } from './style';

export interface ExportFile {
  /** Where the file is, as the user reads it (shown nowhere but kept for problems). */
  path: string;
  text: string;
  bank: BankFile;
}

export interface ExportOptions {
  title?: string;
  wordsPerMinute?: number;
  /** The interview plan's targets; no coverage table when empty. */
  targets?: readonly CatalogPrinciple[];
  minStories?: number;
  /** Shown in the header ("exported 2026-12-01"); none when absent, so the output is reproducible. */
  date?: string;
}

/** No script, no network: styles are the page's own, images and frames are refused outright. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

interface PrincipleGroup {
  title: string;
  /** The principle's rendered <section>s, one per file that holds it. */
  sections: Element[];
  stories: { story: RenderedStory; question: Question }[];
}

/**
 * The whole bank as one printable page that needs nothing else: a table of contents by principle,
 * the interview plan's coverage, then every story as a <details> (closed on screen, open on paper),
 * rendered and sanitized by the preview's own renderer. No script, nothing loaded from anywhere.
 */
export function exportBankHtml(files: readonly ExportFile[], options: ExportOptions = {}): string {
  const wpm = Math.max(1, options.wordsPerMinute && Number.isFinite(options.wordsPerMinute) ? options.wordsPerMinute : 150);
  const title = options.title?.trim() || 'STAR story bank';
  const groups = groupByPrinciple(files, wpm);
  const questions = groups.flatMap((g) => g.stories.map((s) => s.question));
  const totalSeconds = questions.reduce((sum, q) => sum + speakingSeconds(storyWords(q), wpm), 0);
  const coverage = options.targets?.length ? planCoverage(files.map((f) => f.bank), options.targets, options.minStories) : undefined;

  const body: ElementContent[] = [
    el('a', { className: ['skip'], href: '#stories' }, ['Skip to the stories']),
    el('header', {}, [
      el('h1', {}, [title]),
      el('p', { className: ['summary'] }, [
        `${plural(questions.length, 'story', 'stories')} under ${plural(groups.length, 'principle', 'principles')} · ${formatDuration(totalSeconds)} to tell them all at ${wpm} words per minute`,
        options.date ? ` · exported ${options.date}` : '',
      ]),
    ]),
    toc(groups, wpm, coverage !== undefined),
    coverage && coverageTable(coverage),
    el('main', { id: 'stories', ariaLabel: 'Stories' }, groups.length ? groups.flatMap((g) => g.sections) : [el('p', { className: ['empty'] }, ['No story in these files.'])]),
    el('footer', {}, ['Written with STAR Answers. Answers open when printed.']),
  ].filter((n): n is Element => Boolean(n));

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: 'en' }, [
        el('head', {}, [
          el('meta', { charSet: 'utf-8' }),
          el('meta', { httpEquiv: ['Content-Security-Policy'], content: EXPORT_CSP }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('title', {}, [title]),
          el('style', {}, [EXPORT_CSS]),
        ]),
        el('body', {}, body),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

function groupByPrinciple(files: readonly ExportFile[], wpm: number): PrincipleGroup[] {
  const groups = new Map<string, PrincipleGroup>();
  files.forEach((file, f) => {
    if (!file.bank.hasStories) return;
    const rendered = renderBankNodes(file.text, file.bank, { wordsPerMinute: wpm, idPrefix: `f${f}-`, controls: false, localOnly: true });
    const sections = rendered.nodes.filter((n): n is Element => n.type === 'element' && n.tagName === 'section');
    rendered.principles.forEach((principle, p) => {
      const source = file.bank.principles[p];
      if (!source.questions.length) return; // a heading without a story has nothing to show
      const key = normalizePrincipleTitle(principle.title) || `untitled-${f}-${p}`;
      const group = groups.get(key) ?? { title: principle.title || 'Untitled principle', sections: [], stories: [] };
      const section = sections.find((s) => s.properties.id === principle.id);
      if (section) group.sections.push(forPage(section));
      principle.stories.forEach((story, q) => group.stories.push({ story, question: source.questions[q] }));
      groups.set(key, group);
    });
  });
  return [...groups.values()];
}

/**
 * The preview's markup adjusted to a page: headings one level down under the page's <h1>, and the
 * preview's own data attributes (source lines) dropped.
 */
function forPage(section: Element): Element {
  visit(section, 'element', (node: Element) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (node.tagName === 'h1' && classes.includes('principle-title')) node.tagName = 'h2';
    else if (node.tagName === 'h2' && classes.includes('star-label')) node.tagName = 'h3';
    delete node.properties.dataLine;
    delete node.properties.dataStory;
    delete node.properties.dataSection;
  });
  const heading = section.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h2');
  if (heading && typeof section.properties.id === 'string') {
    heading.properties.id = `${section.properties.id}-title`;
    section.properties.ariaLabelledBy = [heading.properties.id];
  }
  return section;
}

function toc(groups: readonly PrincipleGroup[], wpm: number, withPlan: boolean): Element {
  return el('nav', { className: ['toc'], ariaLabelledBy: ['toc-title'] }, [
    el('h2', { id: 'toc-title' }, ['Contents']),
    el('ol', {}, [
      withPlan && el('li', {}, [el('a', { href: '#plan' }, ['Interview plan'])]),
      ...groups.map((g) => {
        const seconds = g.stories.reduce((sum, s) => sum + speakingSeconds(storyWords(s.question), wpm), 0);
        return el('li', {}, [
          el('a', { href: `#${g.sections[0]?.properties.id ?? ''}` }, [g.title]),
          ' ',
          el('span', { className: ['count'] }, [`(${plural(g.stories.length, 'story', 'stories')}, ${formatDuration(seconds)})`]),
          el(
            'ol',
            {},
            g.stories.map(({ story, question }) => {
              const words = storyWords(question);
              return el('li', {}, [el('a', { href: `#${story.id}` }, [story.title.trim() || 'Untitled story']), ' ', el('span', { className: ['len'] }, [`${plural(words, 'word', 'words')} · ${formatDuration(speakingSeconds(words, wpm))}`])]);
            }),
          ),
        ]);
      }),
    ]),
  ]);
}

function coverageTable(coverage: Coverage): Element {
  return el('section', { id: 'plan', ariaLabelledBy: ['plan-title'] }, [
    el('h2', { id: 'plan-title' }, ['Interview plan']),
    el('table', {}, [
      el('caption', {}, [
        `A loop asks ${coverage.minStories} or more questions per principle. ${coverage.ready} of ${coverage.rows.length} targeted principles have ${coverage.minStories} finished stories or more.`,
      ]),
      el('thead', {}, [
        el('tr', {}, [
          el('th', { scope: 'col' }, ['Principle']),
          el('th', { scope: 'col' }, ['Finished stories']),
          el('th', { scope: 'col' }, ['All stories']),
          el('th', { scope: 'col' }, ['Status']),
        ]),
      ]),
      el(
        'tbody',
        {},
        coverage.rows.map((row) =>
          el('tr', {}, [
            el('th', { scope: 'row' }, [row.principle.title]),
            el('td', { className: ['num'] }, [String(row.finished)]),
            el('td', { className: ['num'] }, [String(row.stories)]),
            el('td', { className: [row.missing ? 'short' : 'ready'] }, [row.missing ? `Needs ${row.missing} more` : 'Ready']),
          ]),
        ),
      ),
    ]),
  ]);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
