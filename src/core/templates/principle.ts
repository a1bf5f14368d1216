/** The skeleton of a new principle file, shaped like the seed (`# Title`, `## 1. Definition`, `## 2. Sample questions`). */
export function principleSkeleton(title: string, definition: string | undefined, eol = '\n'): string {
  const body = definition?.trim() || '<!-- What this principle means, in one or two sentences. -->';
  return ['# ' + oneLine(title), '## 1. Definition', oneLine(body), '', '## 2. Sample questions', ''].join(eol);
}

/** A file name for a principle: its title without the characters file systems refuse. */
export function principleFileName(title: string): string {
  const name = oneLine(title)
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name) ? `${name} principle` : name;
  return `${safe || 'Untitled principle'}.md`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
