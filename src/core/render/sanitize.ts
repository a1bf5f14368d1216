import type { Element, ElementContent, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';

const REMOVED_ATTRIBUTES = new Set(['action', 'method', 'encType', 'accept', 'acceptCharset', 'accessKey', 'tabIndex']);
const REMOVED_TAGS = new Set(['picture', 'source', 'input']);

/**
 * GitHub's sanitation, tightened for a webview: <details>/<summary> and basic formatting stay; scripts,
 * styles, frames, forms, SVG and MathML go with their content; no event handler, style attribute or
 * form attribute survives; links keep only http(s) and mailto; images only https.
 */
export const PREVIEW_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !REMOVED_TAGS.has(t)),
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !REMOVED_ATTRIBUTES.has(typeof a === 'string' ? a : a[0])),
    img: ['alt', 'src', 'title', 'width', 'height'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['https'], cite: ['http', 'https'] },
  strip: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed', 'noframes', 'template', 'textarea', 'select', 'svg', 'math', 'title', 'head', 'xmp', 'plaintext', 'base', 'meta', 'link'],
};

/** Sanitized copies of user nodes, ready to be put into the preview's own markup. */
export function sanitizeNodes(nodes: readonly ElementContent[], options: { localOnly?: boolean } = {}): ElementContent[] {
  const clean = sanitize({ type: 'root', children: [...nodes] }, PREVIEW_SCHEMA) as Root;
  visit(clean, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'a') {
      const href = node.properties.href;
      // Relative links point nowhere in a webview; only absolute web links and in-page anchors stay.
      if (typeof href !== 'string' || !/^(https?:|mailto:|#)/i.test(href.trim())) delete node.properties.href;
    }
    if (node.tagName === 'img' && parent && index !== undefined) {
      const src = node.properties.src;
      // Local images cannot load (the preview reads only its own media), and a page that loads nothing
      // (the export) shows none: they show as their alt text.
      if (options.localOnly || typeof src !== 'string' || !/^https:/i.test(src.trim())) {
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children[index] = { type: 'text', value: alt ? `[${alt}]` : '' };
      }
    }
  });
  return clean.children as ElementContent[];
}
