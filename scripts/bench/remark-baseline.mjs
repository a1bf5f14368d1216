// Baseline for npm run bench: a bare remark-parse of every markdown file under a folder, one process.
import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
const processor = unified().use(remarkParse);
let nodes = 0;
for (const file of walk(process.argv[2])) nodes += processor.parse(fs.readFileSync(file, 'utf8')).children.length;
console.log(`${nodes} top-level nodes`);
