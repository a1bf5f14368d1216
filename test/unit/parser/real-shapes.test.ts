import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { STAR_KINDS, type SectionKind } from '../../../src/core/model';
import { lintText } from '../../../src/core/lint/runner';
import { parseBank } from '../../../src/core/parser';
import { questionShape } from '../../../src/core/story/shape';
import { storyGaps } from '../../../src/core/story/gaps';
import { questions } from './helpers';

/** Shapes met in real story banks, each written for this project, with what a careful reader sees. */
const SHAPES = path.join(__dirname, '../../fixtures/real-shapes');
const NO_STORY = path.join(__dirname, '../../fixtures/no-story');

interface Truth {
  principle: string;
  stories: { lines: number[]; sections: SectionKind[]; covers?: SectionKind[]; quantified: boolean }[];
  prose?: number[];
  todo?: number[];
}

const truth: Record<string, Truth> = JSON.parse(fs.readFileSync(path.join(SHAPES, 'expected.json'), 'utf8'));
const STRUCTURAL = new Set(['missing-section', 'empty-section', 'unquantified-result', 'section-order', 'duplicate-section', 'ownership']);

describe('parser: shapes from real story banks', () => {
  it('every fixture has its expected outline, and every expected outline its fixture', () => {
    const files = fs.readdirSync(SHAPES).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(files, Object.keys(truth).sort());
  });

  for (const [file, expected] of Object.entries(truth)) {
    describe(file, () => {
      const text = fs.readFileSync(path.join(SHAPES, file), 'utf8');
      const bank = parseBank(text, { fileName: file });
      const all = questions(bank);
      const stories = all.filter((q) => q.sections.length);

      it('reads each story where it starts, with the sections it has', () => {
        assert.equal(bank.principles[0].title, expected.principle);
        assert.deepEqual(
          stories.map((q) => ({ line: q.titleRange.start.line + 1, sections: q.sections.map((s) => s.kind), covers: q.sections.flatMap((s) => s.covers ?? []) })),
          expected.stories.map((s, i) => ({
            line: s.lines.includes(stories[i]?.titleRange.start.line + 1) ? stories[i].titleRange.start.line + 1 : s.lines[0],
            sections: s.sections,
            covers: s.covers ?? [],
          })),
        );
      });

      it('judges each Result measurable or not', () => {
        assert.deepEqual(stories.map((q) => !storyGaps(q).unquantified), expected.stories.map((s) => s.quantified));
      });

      it('keeps prose answers and empty questions as questions, not stories', () => {
        const line = (shape: string) => all.filter((q) => questionShape(q) === shape).map((q) => q.titleRange.start.line + 1);
        assert.deepEqual(line('prose'), expected.prose ?? []);
        assert.deepEqual(line('todo'), expected.todo ?? []);
      });

      it('reports no structural finding beyond what the stories lack', () => {
        const implied: string[] = [];
        expected.stories.forEach((s, i) => {
          const at = stories[i]?.titleRange.start.line + 1;
          for (const kind of STAR_KINDS) if (!s.sections.includes(kind) && !s.covers?.includes(kind)) implied.push(`${at} missing-section ${kind}`);
          if (!s.quantified) implied.push(`${at} unquantified-result result`);
        });
        const found = lintText(text, { fileName: file })
          .filter((d) => STRUCTURAL.has(d.rule))
          .map((d) => `${d.question.titleRange.start.line + 1} ${d.rule} ${d.kind}`);
        assert.deepEqual(found.sort(), implied.sort());
      });
    });
  }
});

describe('parser: markdown that holds no story', () => {
  for (const file of fs.readdirSync(NO_STORY).filter((f) => f.endsWith('.md'))) {
    it(`${file}: no story, no finding`, () => {
      const text = fs.readFileSync(path.join(NO_STORY, file), 'utf8');
      assert.equal(parseBank(text, { fileName: file }).hasStories, false);
      assert.deepEqual(lintText(text, { fileName: file }), []);
    });
  }

  it('front matter is never a question', () => {
    const bank = parseBank('---\ntitle: Tell me about a time\n---\n\n# Ownership\n\n**Situation:** s\n**Task:** t\n');
    assert.deepEqual(questions(bank).map((q) => q.title), ['s']);
    assert.equal(bank.principles[0].definition, undefined);
  });
});
