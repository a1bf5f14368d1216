import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintBank } from '../../../src/core/lint/runner';
import { DEFAULT_CONFIG } from '../../../src/core/lint/config';
import { parseBank } from '../../../src/core/parser';
import { readsQuickly } from '../../../src/core/parser/markdown';
import { withQuestions } from '../../../src/core/worker/findings';
import { ParseBudgetExceeded, WorkerPool } from '../../../src/core/worker/pool';
import { STORIES_PER_PART } from '../../../src/core/worker/wire';
import { spawnNodeWorker } from '../../../src/worker/spawnNode';
import { spawnNodeProcess } from '../../../src/worker/spawnProcess';
import { nestedListText } from '../helpers/hostile';
import { workerBundle } from '../helpers/workerBundle';
import { markdownUnder } from '../helpers/markdownFiles';

const EXAMPLES = path.resolve(__dirname, '../../fixtures/examples');

const SPAWNERS = [
  { where: 'a Node worker thread', spawn: spawnNodeWorker },
  { where: 'a child process', spawn: spawnNodeProcess },
];

for (const { where, spawn } of SPAWNERS) {
  describe(`parse worker: the same results through ${where} as in-process`, function () {
    this.timeout(120_000);
    let pool: WorkerPool;
    before(async () => {
      const worker = await workerBundle();
      pool = new WorkerPool({ size: 2, spawn: () => spawn(worker), budgetMs: 60_000 });
    });
    after(() => pool.dispose());

    it('gives every example and rule fixture the bank and findings an in-process parse gives', async () => {
      const files = [...markdownUnder(EXAMPLES), ...markdownUnder(path.join(EXAMPLES, '../rules'))];
      assert.ok(files.length > 20);
      const answers = await Promise.all(files.map((file, i) => pool.parse({ key: file, version: i, text: fs.readFileSync(file, 'utf8'), fileName: file, lint: DEFAULT_CONFIG })));
      files.forEach((file, i) => {
        const text = fs.readFileSync(file, 'utf8');
        const bank = parseBank(text, { fileName: file });
        assert.equal(answers[i].key, file);
        assert.equal(answers[i].version, i);
        assert.deepEqual(answers[i].bank, bank, file);
        const inProcess = lintBank({ text, bank });
        assert.deepEqual(answers[i].findings, inProcess.map(({ question: _q, ...f }) => f), file);
        // The host gives each finding its story back for quick fixes: the same story as in-process.
        assert.deepEqual(withQuestions(answers[i].findings!, answers[i].bank.principles.flatMap((p) => p.questions)), inProcess, file);
      });
    });

    it('gives a bank of more stories than one message holds, with other answers between its parts, the bank an in-process parse gives', async () => {
      const story = (n: number) => `## Question ${n}?\n\n**Situation:** a late order ${n}.\n**Task:** ship it.\n**Action:** I re-planned.\n**Result:** ${n}% faster.\n\n`;
      const text = `# Ownership\n\n${Array.from({ length: 2 * STORIES_PER_PART + 50 }, (_, n) => story(n)).join('')}# Dive Deep\n\n${story(0)}`;
      const small = fs.readFileSync(markdownUnder(EXAMPLES)[0], 'utf8');
      const [big, ...others] = await Promise.all([
        pool.parse({ key: 'big.md', version: 1, text, lint: DEFAULT_CONFIG }),
        ...[1, 2, 3].map((version) => pool.parse({ key: 'small.md', version, text: small, lint: DEFAULT_CONFIG })),
      ]);
      const bank = parseBank(text);
      assert.equal(bank.principles.flatMap((p) => p.questions).length, 2 * STORIES_PER_PART + 51);
      assert.deepEqual(big.bank, bank);
      assert.deepEqual(big.findings, lintBank({ text, bank }).map(({ question: _q, ...f }) => f));
      for (const other of others) assert.deepEqual(other.bank, parseBank(small));
    });

    it('re-reads only the edited story of a kept document, with the result of a full parse', async () => {
      const file = markdownUnder(path.join(EXAMPLES, 'formats')).find((f) => f.endsWith('bold-labels.md'))!;
      const text = fs.readFileSync(file, 'utf8');
      const first = await pool.parse({ key: 'doc', version: 1, text, keep: true });
      assert.equal(first.how, 'full');
      const at = text.indexOf('**Action:**') + '**Action:** '.length;
      const typed = `${text.slice(0, at)}quickly ${text.slice(at)}`;
      const second = await pool.parse({ key: 'doc', version: 2, text: typed, keep: true });
      assert.equal(second.how, 'incremental');
      assert.deepEqual(second.bank, parseBank(typed));
    });

    it('answers the findings alone when asked, without the model', async () => {
      const file = markdownUnder(path.join(EXAMPLES, 'formats')).find((f) => f.endsWith('incomplete.md'))!;
      const text = fs.readFileSync(file, 'utf8');
      const full = await pool.parse({ key: file, version: 1, text, lint: DEFAULT_CONFIG });
      const lean = await pool.parse({ key: file, version: 2, text, lint: DEFAULT_CONFIG, findingsOnly: true });
      assert.ok(full.findings!.length > 0);
      assert.deepEqual(lean.findings, full.findings);
      assert.deepEqual(lean.bank, { principles: [], hasStories: true });
    });

    it('skips a file without a story when asked, and reads it when not', async () => {
      const text = '# Notes\n\nNothing to see here, only prose and a [link](https://example.com).\n';
      assert.equal((await pool.parse({ key: 'notes', version: 1, text, skipStoryless: true })).how, 'skipped');
      assert.equal((await pool.parse({ key: 'notes', version: 2, text })).bank.principles[0].title, 'Notes');
    });

    it("skips a file without a story only when it needs the full markdown reader, when asked 'unless-simple' (the editor's scan)", async () => {
      const notes = '# Notes\n\nNothing to see here, only prose, a [link](https://example.com) and `code`.\n';
      assert.equal(readsQuickly(notes), false);
      assert.equal((await pool.parse({ key: 'notes', version: 3, text: notes, skipStoryless: 'unless-simple' })).how, 'skipped');
      // A principle's file without a story yet is read: the Story Bank and "new principle file" need its title.
      const skeleton = '# Think Big\n\n## 1. Definition\n\nThinking small is a self-fulfilling prophecy.\n';
      const read = await pool.parse({ key: 'think-big', version: 1, text: skeleton, fileName: 'think-big.md', skipStoryless: 'unless-simple' });
      assert.equal(read.how, 'full');
      assert.deepEqual(read.bank, parseBank(skeleton, { fileName: 'think-big.md' }));
      assert.equal(read.bank.principles[0].title, 'Think Big');
      // A story is always read, whichever reader it needs.
      const story = '# Ownership\n\n## A time you fixed what nobody owned\n\n**Situation:** see [the doc](https://example.com).\n\n**Action:** I did it.\n';
      const answered = await pool.parse({ key: 'story', version: 1, text: story, skipStoryless: 'unless-simple' });
      assert.equal(answered.how, 'full');
      assert.equal(answered.bank.hasStories, true);
    });

    it("'unless-simple' gives every fixture the bank of a full parse, or skips one without a story that needs the full reader", async () => {
      const files = markdownUnder(path.resolve(EXAMPLES, '..'));
      assert.ok(files.length > 40);
      let skipped = 0;
      const answers = await Promise.all(files.map((file, i) => pool.parse({ key: file, version: i, text: fs.readFileSync(file, 'utf8'), fileName: file, skipStoryless: 'unless-simple' })));
      files.forEach((file, i) => {
        const text = fs.readFileSync(file, 'utf8');
        const bank = parseBank(text, { fileName: file });
        if (answers[i].how === 'skipped') {
          skipped++;
          assert.equal(bank.hasStories, false, file);
          assert.equal(readsQuickly(text), false, file);
        } else assert.deepEqual(answers[i].bank, bank, file);
      });
      assert.ok(skipped > 0, 'some fixture without a story needs the full reader');
    });
  });
}

for (const { where, spawn } of SPAWNERS) {
  describe(`parse worker pool: a time budget per file, in ${where}`, function () {
    this.timeout(120_000);

    it('ends a worker that overruns, replaces it, and keeps reading the other files', async () => {
      const worker = await workerBundle();
      const pool = new WorkerPool({ size: 1, spawn: () => spawn(worker), budgetMs: 1_500 });
      try {
        // Warm the worker so that its start-up is not counted against the hostile file.
        await pool.parse({ key: 'warm', version: 1, text: '# Warm\n' });
        const hostile = pool.parse({ key: 'hostile.md', version: 1, text: nestedListText(1_500) });
        const after = pool.parse({ key: 'fine.md', version: 1, text: '# Fine\n\n## Q\n\n**Situation:** fine.\n\n**Action:** I read it.\n' });
        const started = Date.now();
        await assert.rejects(hostile, (error: unknown) => error instanceof ParseBudgetExceeded && error.key === 'hostile.md');
        assert.ok(Date.now() - started < 10_000);
        const fine = await after;
        assert.equal(fine.bank.hasStories, true);
      } finally {
        pool.dispose();
      }
    });
  });
}
