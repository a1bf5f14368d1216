/**
 * The exported page's own style sheet, inline (the page loads nothing). Light by default, dark when
 * the reader's system is; print opens every answer and keeps each story on one page when it fits.
 */
export const EXPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --border: #d1d9e0; --accent: #0b5cad; --ok: #1a7f37; --warn: #9a6700; --mark: #fff1b8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d; --accent: #4493f8; --ok: #3fb950; --warn: #d29922; --mark: #5c4a00; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem 1.5rem 4rem; max-width: 52rem; color: var(--fg); background: var(--bg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.3rem 0.6rem; z-index: 1; }
header h1 { margin: 0 0 0.3rem; font-size: 1.9rem; }
.summary { color: var(--muted); margin: 0 0 1.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
.toc ol { padding-left: 1.4rem; margin: 0.2rem 0; }
.toc li { margin: 0.15rem 0; }
.toc .len, .toc .count { color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); }
td.num { text-align: right; font-variant-numeric: tabular-nums; width: 7rem; }
th[scope='col'], td.short, td.ready { white-space: nowrap; }
th[scope='col']:nth-child(2), th[scope='col']:nth-child(3) { text-align: right; }
.short { color: var(--warn); font-weight: 600; }
.ready { color: var(--ok); }
.definition { color: var(--muted); font-style: italic; }
.definition p { margin: 0.2rem 0 0.8rem; }
details.story { margin: 0.8rem 0; border: 1px solid var(--border); border-radius: 6px; background: var(--card); }
details.story > summary { cursor: pointer; padding: 0.6rem 0.9rem; font-weight: 600; }
.question { margin-right: 0.5rem; }
.badges { display: inline-flex; flex-wrap: wrap; gap: 0.3rem; vertical-align: middle; font-weight: normal; }
.badge { font-size: 0.8em; padding: 0 0.5rem; border-radius: 1rem; border: 1px solid var(--border); white-space: nowrap; }
.badge-ok { color: var(--ok); border-color: currentColor; }
.badge-warning { color: var(--warn); border-color: currentColor; }
.badge-info { color: var(--muted); }
.story-body { padding: 0 1rem 0.8rem; }
.star { margin: 0.6rem 0; }
.star h3 { font-size: 1rem; margin: 0.4rem 0 0.2rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.star-body p { margin: 0.2rem 0; }
mark.metric { background: var(--mark); color: inherit; padding: 0 0.15em; border-radius: 3px; }
.empty { color: var(--muted); font-style: italic; }
.problem { color: var(--warn); }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85em; }
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --card: #fff; --border: #999; --accent: #000; --mark: #eee; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .skip { display: none; }
  details.story > summary { list-style: none; }
  details.story > summary::-webkit-details-marker { display: none; }
  /* Every answer open on paper: the content of a closed <details> is shown as if it were open. */
  details.story::details-content { content-visibility: visible; display: block; height: auto; }
  details.story:not([open]) > .story-body { display: block; }
  details.story, tr { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, summary { break-after: avoid; page-break-after: avoid; }
  .principle { break-before: auto; }
  .star-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
`;
