/** A story above a list nested `levels` deep, each level on its own indented line: seconds of micromark time. */
export function nestedListText(levels: number): string {
  let text = '# Hostile\n\n## A story deep down\n\n**Situation:** a list nested far too deep follows.\n\n';
  for (let i = 0; i < levels; i++) text += `${'  '.repeat(i)}- level ${i}\n`;
  return text;
}
