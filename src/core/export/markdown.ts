import { normalizePrincipleTitle } from '../catalog';
import { SECTION_NAMES, type Question } from '../model';
import type { ExportFile } from './html';

/**
 * The bank as one cleaned markdown file in the reference format: one `#` heading per principle (the
 * principles of several files merged by title), its definition, then one `<details>` per story with
 * its sections as `<li><b>Situation: </b><br>` items. The words are the parser's plain text of each
 * section, one line per line written, escaped so that nothing in them is read as HTML.
 */
export function exportBankMarkdown(files: readonly ExportFile[]): string {
  const groups = new Map<string, { title: string; definition?: string; questions: Question[] }>();
  for (const file of files) {
    for (const principle of file.bank.principles) {
      if (!principle.questions.length) continue;
      const key = normalizePrincipleTitle(principle.title) || principle.title;
      const group = groups.get(key) ?? { title: principle.title.trim() || 'Untitled principle', definition: principle.definition?.trim() || undefined, questions: [] };
      group.questions.push(...principle.questions);
      groups.set(key, group);
    }
  }
  const out: string[] = [];
  for (const group of groups.values()) {
    out.push(`# ${oneLine(group.title)}`, '');
    if (group.definition) out.push(escapeHtml(oneLine(group.definition)), '');
    for (const question of group.questions) out.push(...storyLines(question), '');
  }
  return out.length ? `${out.join('\n').trimEnd()}\n` : '';
}

function storyLines(question: Question): string[] {
  const lines = ['<details>', `<summary><b>${escapeHtml(oneLine(question.title) || 'Untitled story')}</b></summary>`];
  if (!question.sections.length) {
    // An answer written as prose stays prose; a question with nothing under it stays empty.
    if (question.prose?.text.trim()) lines.push('', escapeHtml(question.prose.text.trim()), '');
    lines.push('</details>');
    return lines;
  }
  lines.push('<ul>');
  for (const section of question.sections) {
    lines.push('    <li>', `        <b>${SECTION_NAMES[section.kind]}: </b><br>`);
    const text = section.text
      .split(/\r?\n|\r/)
      .map((l) => l.trim().replace(/^[-*•]\s+/, ''))
      .filter(Boolean);
    text.forEach((line, i) => lines.push(`        - ${escapeHtml(line)}${i < text.length - 1 ? '<br>' : ''}`));
    lines.push('    </li>');
  }
  lines.push('</ul>', '</details>');
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}
