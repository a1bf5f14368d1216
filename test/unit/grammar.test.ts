import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { parseBank } from '../../src/core/parser/index';
import type { SectionKind } from '../../src/core/model';

/*
 * Tokenizes markdown with VS Code's own markdown and HTML grammars (copied, MIT, into
 * test/fixtures/grammar/, see NOTICE.md there) plus our injection grammar, the way VS Code does.
 */

const ROOT = join(__dirname, '..', '..');
const GRAMMARS = join(ROOT, 'test', 'fixtures', 'grammar');
const EXAMPLES = join(ROOT, 'test', 'fixtures', 'examples');
const INJECTION_PATH = join(ROOT, 'syntaxes', 'star-injection.tmLanguage.json');
const INJECTION_SCOPE = 'markdown.star-answers.injection';

/** Our injection grammars as package.json contributes them, in its order (VS Code's order of injections). */
const INJECTIONS = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } }
).contributes.grammars.filter((g) => g.injectTo?.includes('text.html.markdown'));

const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown': join(GRAMMARS, 'markdown.tmLanguage.json'),
  'text.html.basic': join(GRAMMARS, 'html.tmLanguage.json'),
  'text.html.derivative': join(GRAMMARS, 'html-derivative.tmLanguage.json'),
  ...Object.fromEntries(INJECTIONS.map((g) => [g.scopeName, join(ROOT, g.path)])),
};
const isInjection = (scopeName: string) => INJECTIONS.some((g) => g.scopeName === scopeName);

const LABEL = (kind: SectionKind | 'question') => `keyword.other.star-label.${kind}.markdown`;
const COLON = 'punctuation.separator.star-label.markdown';
const METRIC = 'constant.numeric.star-metric';
const isStarScope = (scope: string) => scope.includes('.star-');

interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let onigReady: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onigReady ??= (async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigReady;
}

const grammars = new Map<boolean, Promise<vsctm.IGrammar>>();
/** The markdown grammar, with or without our injection. */
function markdownGrammar(withInjection: boolean): Promise<vsctm.IGrammar> {
  let g = grammars.get(withInjection);
  if (!g) {
    const registry = new vsctm.Registry({
      onigLib: onigLib(),
      loadGrammar: async (scopeName) => {
        const file = GRAMMAR_FILES[scopeName];
        if (!file || (!withInjection && isInjection(scopeName))) return null; // source.css, source.yaml … are not needed
        return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
      },
      getInjections: (scopeName) => (withInjection && scopeName === 'text.html.markdown' ? INJECTIONS.map((g) => g.scopeName) : undefined),
    });
    g = registry.loadGrammar('text.html.markdown').then((grammar) => {
      assert.ok(grammar, 'the markdown grammar loads');
      return grammar;
    });
    grammars.set(withInjection, g);
  }
  return g;
}

const tokenCache = new Map<string, Token[]>();
async function tokenize(text: string, withInjection = true): Promise<Token[]> {
  const key = `${withInjection}\0${text}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const grammar = await markdownGrammar(withInjection);
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, state);
    assert.ok(!r.stoppedEarly, `line ${line + 1} tokenized in time`);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, lineText.length);
      if (end > t.startIndex) tokens.push({ line, start: t.startIndex, end, text: lineText.slice(t.startIndex, end), scopes: t.scopes });
    }
    state = r.ruleStack;
  });
  tokenCache.set(key, tokens);
  return tokens;
}

/** The tokens that cover `needle` in the first line holding `lineHint` (or `needle` itself). */
function tokensFor(tokens: Token[], source: string, needle: string, lineHint = needle): Token[] {
  const lines = source.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(lineHint) && l.includes(needle));
  assert.ok(line >= 0, `no line with ${JSON.stringify(lineHint)} and ${JSON.stringify(needle)}`);
  const from = lines[line].indexOf(needle, lineHint === needle ? 0 : lines[line].indexOf(lineHint));
  const start = from >= 0 ? from : lines[line].indexOf(needle);
  const end = start + needle.length;
  const hit = tokens.filter((t) => t.line === line && t.start < end && t.end > start);
  assert.ok(hit.length, `no token for ${JSON.stringify(needle)}`);
  return hit;
}

/** Asserts that every character of `needle` carries `scope`, and that the scope covers exactly `needle`. */
function assertScope(tokens: Token[], source: string, needle: string, scope: string, lineHint = needle): void {
  const hit = tokensFor(tokens, source, needle, lineHint);
  for (const t of hit) {
    assert.ok(
      t.scopes.some((s) => s === scope || s.startsWith(scope + '.')),
      `${JSON.stringify(t.text)} in ${JSON.stringify(needle)} should have ${scope}, has ${t.scopes.join(' ')}`,
    );
  }
  // The same scope does not spill over the neighbours.
  const line = hit[0].line;
  const start = Math.min(...hit.map((t) => t.start));
  const end = Math.max(...hit.map((t) => t.end));
  const covered = tokens.filter((t) => t.line === line && t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  const adjacent = covered.filter((t) => t.end === start || t.start === end);
  for (const t of adjacent) {
    const full = source.split(/\r?\n/)[line];
    const joined = full.slice(Math.min(start, t.start), Math.max(end, t.end));
    assert.fail(`${scope} spills over ${JSON.stringify(t.text)} next to ${JSON.stringify(needle)} (${JSON.stringify(joined)})`);
  }
}

function assertNoStarScope(tokens: Token[], source: string, needle: string, lineHint = needle): void {
  for (const t of tokensFor(tokens, source, needle, lineHint)) {
    assert.deepEqual(t.scopes.filter(isStarScope), [], `${JSON.stringify(t.text)} in ${JSON.stringify(needle)}`);
  }
}

function hasScope(t: Token, scope: string): boolean {
  return t.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'README.md' && e.name !== 'NOTICE.md')
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const ALL_FIXTURES = [...markdownFiles(EXAMPLES), ...markdownFiles(GRAMMARS)];

describe('STAR injection grammar', () => {
  it('is a valid injection grammar for markdown', () => {
    const raw = JSON.parse(read(INJECTION_PATH)) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    // The main grammar and those of labels in bold, headings and tables: each injected into markdown, never into code or comments.
    assert.deepEqual(INJECTIONS.map((g) => g.scopeName).sort(), [INJECTION_SCOPE, `${INJECTION_SCOPE}.bold`, `${INJECTION_SCOPE}.heading`, `${INJECTION_SCOPE}.table`]);
    for (const contributed of INJECTIONS) {
      const grammar = JSON.parse(read(join(ROOT, contributed.path))) as { scopeName: string; injectionSelector: string };
      assert.equal(grammar.scopeName, contributed.scopeName);
      assert.match(grammar.injectionSelector, /^text\.html\.markdown\b/);
      for (const excluded of ['comment', 'markup.fenced_code', 'markup.raw', 'markup.inline.raw', 'meta.embedded.block.frontmatter']) {
        assert.ok(grammar.injectionSelector.includes(excluded), `${contributed.scopeName} excludes ${excluded}`);
      }
    }
    const pkg = JSON.parse(read(join(ROOT, 'package.json'))) as {
      contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const contributed = pkg.contributes?.grammars?.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.ok(contributed, 'package.json contributes the grammar');
    assert.equal(join(ROOT, contributed.path), INJECTION_PATH);
    assert.deepEqual(contributed.injectTo, ['text.html.markdown']);
  });

  it("leaves markdown's own scopes untouched everywhere, in every fixture", async () => {
    for (const file of ALL_FIXTURES) {
      const text = read(file);
      const [plain, injected] = [await tokenize(text, false), await tokenize(text, true)];
      const perChar = (tokens: Token[], strip: boolean) => {
        const out = new Map<string, string>();
        for (const t of tokens) {
          const scopes = (strip ? t.scopes.filter((s) => !isStarScope(s)) : t.scopes).join(' ');
          for (let c = t.start; c < t.end; c++) out.set(`${t.line}:${c}`, scopes);
        }
        return out;
      };
      const before = perChar(plain, false);
      const after = perChar(injected, true);
      for (const [pos, scopes] of before) {
        assert.equal(after.get(pos), scopes, `${relative(ROOT, file)} at ${pos}`);
      }
      assert.equal(after.size, before.size, relative(ROOT, file));
    }
  });

  describe('labels', () => {
    it('scopes the label of every section the parser finds in the example bank, by kind', async () => {
      let checked = 0;
      for (const file of markdownFiles(EXAMPLES)) {
        const text = read(file);
        const tokens = await tokenize(text);
        const labelTokens = new Set<Token>();
        for (const q of parseBank(text).principles.flatMap((p) => p.questions)) {
          for (const s of q.sections) {
            const labelText = text.slice(s.labelRange.start.offset, s.labelRange.end.offset);
            const at = labelText.indexOf(s.label);
            assert.ok(at >= 0, `${s.label} in ${labelText}`);
            const start = s.labelRange.start.character + at;
            const end = start + s.label.length;
            const hit = tokens.filter((t) => t.line === s.labelRange.start.line && t.start < end && t.end > start);
            assert.ok(hit.length);
            for (const t of hit) {
              assert.ok(hasScope(t, LABEL(s.kind)), `${relative(ROOT, file)}: ${JSON.stringify(labelText)} → ${t.scopes.join(' ')}`);
              labelTokens.add(t);
            }
            checked++;
          }
        }
        // And nothing else is scoped as a section label (a "Question:" label may be).
        for (const t of tokens) {
          if (labelTokens.has(t) || hasScope(t, LABEL('question'))) continue;
          assert.ok(!t.scopes.some((s) => s.startsWith('keyword.other.star-label')), `${relative(ROOT, file)}: stray label ${JSON.stringify(t.text)} on line ${t.line + 1}`);
        }
      }
      assert.ok(checked >= 45, `checked ${checked} labels`);
    });

    const fixture = join(GRAMMARS, 'labels.md');
    const cases: [string, SectionKind | 'question', string?][] = [
      // HTML <b>/<strong>, as in the seed
      ['Situation', 'situation', '<b>Situation: </b>'],
      ['Task', 'task', '<b>Task:</b>'],
      ['Action', 'action', '<strong>Action</strong>'],
      ['Result', 'result', '<b>Result</b>'],
      ['L', 'learning', '<b>L:</b>'],
      // bold labels
      ['Question', 'question', '**Question:**'],
      ['Situation', 'situation', '**Situation:**'],
      ['Task', 'task', '**Task**:'],
      ['Action', 'action', '**Action:**'],
      ['Result', 'result', '**Result:**'],
      ['Outcome', 'result', '__Outcome:__'],
      ['Learnings', 'learning', '**Learnings:**'],
      // headings
      ['Situation', 'situation', '### Situation'],
      ['Task', 'task', '### Task:'],
      ['Action', 'action', '#### 3. Action'],
      ['Result', 'result', '### Result ###'],
      ['Lessons learned', 'learning', '### Lessons learned'],
      // one-letter list labels
      ['S', 'situation', '- **S:**'],
      ['T', 'task', '- **T:**'],
      ['A', 'action', '- **A:**'],
      ['R', 'result', '- **R:**'],
      ['L', 'learning', '- **L**:'],
      // plain labels in a list, synonyms
      ['Situation', 'situation', '- Situation:'],
      ['Goal', 'task', '- Goal:'],
      ['Approach', 'action', '- Approach:'],
      ['Impact', 'result', '- Impact:'],
      ['Reflection', 'learning', '- Reflection:'],
      // plain labels at the start of a line
      ['Context', 'situation', 'Context: a plain'],
      ['Objective', 'task', 'Objective:'],
      ['Actions', 'action', 'Actions:'],
      // table cells
      ['Background', 'situation', '| Background |'],
      ['Results', 'result', '| Results |'],
      ['S (Situation)', 'situation', '**S (Situation):**'],
    ];
    for (const [needle, kind, context] of cases) {
      it(`${context ?? needle} → ${LABEL(kind)}`, async () => {
        const text = read(fixture);
        const tokens = await tokenize(text);
        assertScope(tokens, text, needle, LABEL(kind), context);
      });
    }

    it('scopes the colon of a label, inside or outside the bold', async () => {
      const text = read(fixture);
      const tokens = await tokenize(text);
      const colonAfter = (context: string, word: string) => {
        const [t] = tokensFor(tokens, text, ':', context).filter((x) => x.start >= text.split('\n').find((l) => l.includes(context))!.indexOf(word));
        return t;
      };
      assert.ok(hasScope(colonAfter('**Situation:**', 'Situation'), COLON));
      assert.ok(hasScope(colonAfter('<b>Situation: </b>', 'Situation'), COLON));
      assert.ok(hasScope(colonAfter('- **S:**', 'S'), COLON));
      assert.ok(hasScope(colonAfter('- Goal:', 'Goal'), COLON));
    });

    it("keeps markdown's and HTML's own scopes on labels", async () => {
      const text = read(fixture);
      const tokens = await tokenize(text);
      const one = (needle: string, context: string) => tokensFor(tokens, text, needle, context)[0];
      // **Situation:** is still bold, with its punctuation
      assert.ok(hasScope(one('Situation', '**Situation:**'), 'markup.bold.markdown'));
      assert.ok(hasScope(one('**', '**Situation:**'), 'punctuation.definition.bold.markdown'));
      assert.ok(hasScope(one('S', '- **S:**'), 'markup.bold.markdown'));
      assert.ok(hasScope(one('S', '- **S:**'), 'markup.list.unnumbered.markdown'));
      // ### Situation is still a heading
      assert.ok(hasScope(one('Situation', '### Situation'), 'markup.heading.markdown'));
      assert.ok(hasScope(one('Situation', '### Situation'), 'entity.name.section.markdown'));
      assert.ok(hasScope(one('###', '### Situation'), 'punctuation.definition.heading.markdown'));
      // <b>Situation: </b> keeps its tags
      assert.ok(hasScope(one('b', '<b>Situation: </b>'), 'entity.name.tag.html'));
      assert.ok(hasScope(one('</', '<b>Situation: </b>'), 'punctuation.definition.tag.begin.html'));
      // - Situation: keeps its list and paragraph
      assert.ok(hasScope(one('Situation', '- Situation:'), 'markup.list.unnumbered.markdown'));
      assert.ok(hasScope(one('Situation', '- Situation:'), 'meta.paragraph.markdown'));
      assert.ok(hasScope(one('Context', 'Context: a plain'), 'meta.paragraph.markdown'));
      // and the text after a label is still read as markdown
      assert.ok(hasScope(one('S', '**S (Situation):**'), 'markup.table.markdown'));
    });

    it('leaves prose, code, comments, front matter and links alone', async () => {
      const text = read(join(GRAMMARS, 'not-labels.md'));
      const tokens = await tokenize(text);
      const stray = tokens.filter((t) => t.scopes.some(isStarScope));
      assert.deepEqual(stray.map((t) => `${t.line + 1}: ${t.text}`), []);
      // the code is still code, the comment a comment
      assert.ok(hasScope(tokensFor(tokens, text, 'Situation', '**Situation:** a code block')[0], 'markup.fenced_code.block.markdown'));
      assert.ok(hasScope(tokensFor(tokens, text, '$2M')[0], 'comment.block.html'));
    });

    it('leaves the prose of the example bank alone', async () => {
      for (const file of markdownFiles(EXAMPLES)) {
        const text = read(file);
        const tokens = await tokenize(text);
        const prose = text.split('\n').filter((l) => /^[A-Z][a-z]+ [a-z]/.test(l) && !/\d|twice|three|four|five|two /i.test(l) && !/^\w+:/.test(l));
        assert.ok(prose.length > 0 || file.includes('list-labels') || file.includes('incomplete'), relative(ROOT, file));
        for (const line of prose) assertNoStarScope(tokens, text, line);
      }
    });
  });

  describe('metrics (highlighted anywhere in markdown prose, not only in Result sections)', () => {
    const fixture = join(GRAMMARS, 'metrics.md');
    const metrics = [
      '19%', '$2M', '3x', '3 hours', '4 minutes', '1,200 users', '2.5k requests', '12.5 percent', '€300k', '40 %',
      'three weeks', 'twice', '10×', '300ms', '5h', '30s', '5 TB',
    ];
    for (const m of metrics) {
      it(`${m} → ${METRIC}`, async () => {
        const text = read(fixture);
        assertScope(await tokenize(text), text, m, METRIC);
      });
    }

    it('does not take the words around a metric', async () => {
      const text = read(fixture);
      const tokens = await tokenize(text);
      assertNoStarScope(tokens, text, 'Latency fell by ');
      assertNoStarScope(tokens, text, ' improvement.');
      assertNoStarScope(tokens, text, 'more sign-ups', '40 % more');
    });

    it('finds the quantities of the example bank', async () => {
      const expected: [string, string[]][] = [
        ['seed/Customer Obsession.md', ['19%', '40%']],
        ['formats/bold-labels.md', ['3 hours', '4 minutes', '2%', '70%', 'five minutes', 'two weeks']],
        ['formats/headings.md', ['5 hours', '3 hours']],
        ['formats/list-labels.md', ['1%', '100%', '40 minutes', '6 minutes']],
        ['formats/starl-and-synonyms.md', ['4 new hires', 'two weeks']],
        ['formats/incomplete.md', ['30%', '50%', 'three weeks']],
      ];
      for (const [file, list] of expected) {
        const text = read(join(EXAMPLES, file));
        const tokens = await tokenize(text);
        for (const m of list) {
          const needle = m === '4 new hires' ? '4' : m;
          assertScope(tokens, text, needle, METRIC, m);
        }
      }
    });

    it('metric scopes sit inside labels, bold and headings without breaking them', async () => {
      const text = '## Cut latency by 19%\n\n**Result:** **$2M** saved\n\n<b>Result:</b><br>\n- 3x faster<br>\n';
      const tokens = await tokenize(text);
      assert.ok(hasScope(tokensFor(tokens, text, '19%')[0], 'entity.name.section.markdown'));
      assertScope(tokens, text, '19%', METRIC);
      assert.ok(hasScope(tokensFor(tokens, text, '$2M')[0], 'markup.bold.markdown'));
      assertScope(tokens, text, '$2M', METRIC);
      assertScope(tokens, text, '3x', METRIC);
    });
  });
});
