/** A principle's title from its file's name, for a file without a level-1 heading ("Dive Deep.md": "Dive Deep"). */
export function titleFromFileName(fileName: string | undefined): string {
  if (!fileName) return 'Untitled principle';
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(md|markdown|mdx)$/i, '') || 'Untitled principle';
}
