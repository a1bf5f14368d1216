// Baseline for npm run bench: markdownlint with its default rules over every markdown file under a folder, one process.
import fs from 'node:fs';
import path from 'node:path';
import { lint } from 'markdownlint/promise';

const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
const results = await lint({ files: walk(process.argv[2]) });
let count = 0;
for (const list of Object.values(results)) count += list.length;
console.log(`${count} findings`);
