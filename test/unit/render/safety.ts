// Test helper: what makes rendered HTML unsafe to show, checked on the string and on the tree a
// browser would build. Shared by the preview's hostile-corpus tests and the export's.
import type { Element } from 'hast';
import { elements, parseHtml } from './parseHtml';

/** Elements that run code, load things, restyle or navigate the page, or post data away. */
const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'input',
  'button', 'textarea', 'select', 'svg', 'math', 'template', 'noscript', 'video', 'audio', 'source', 'picture', 'isindex',
  'keygen', 'marquee',
]);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'cite', 'background', 'poster', 'xLinkHref', 'srcSet', 'longDesc'];
const BAD_URL = /^\s*(?:javascript|vbscript|data):/i;

/** Every problem the output has, as readable strings (empty when safe). */
export function problems(html: string): string[] {
  const out: string[] = [];
  // The string itself, before any parser forgives anything.
  if (/<\s*script/i.test(html)) out.push('a <script> tag in the HTML');
  if (/\son[a-z]+\s*=/i.test(html.replace(/>[^<]*</g, '><'))) out.push('an on…= attribute in the HTML');
  if (/(?:javascript|vbscript)\s*:/i.test(html.replace(/>[^<]*</g, '><'))) out.push('a javascript:/vbscript: URL in an attribute');
  if (/\sstyle\s*=/i.test(html.replace(/>[^<]*</g, '><'))) out.push('a style attribute in the HTML');
  // The tree a browser would build.
  for (const e of elements(parseHtml(html))) {
    if (FORBIDDEN_TAGS.has(e.tagName) && !isOwnButton(e)) out.push(`<${e.tagName}> element`);
    for (const [name, value] of Object.entries(e.properties)) {
      if (/^on/i.test(name)) out.push(`${name} on <${e.tagName}>`);
      if (name === 'style') out.push(`style on <${e.tagName}>`);
      if (URL_PROPERTIES.includes(name) && BAD_URL.test(String(value))) out.push(`${name}=${String(value)} on <${e.tagName}>`);
    }
  }
  return out;
}

/** The preview's own buttons (user content cannot carry a class: the sanitizer drops it). */
function isOwnButton(e: Element): boolean {
  const classes = e.properties.className;
  return e.tagName === 'button' && Array.isArray(classes) && (classes.includes('reveal') || classes.includes('goto')) && Object.keys(e.properties).every((k) => ['type', 'className', 'title', 'dataReveal', 'dataLine'].includes(k));
}

