import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanText } from './clean-text';
import { extractMetadata } from './extract-metadata';
import { stripInlineMarkdown } from './markdown';
import { PAGE_CASES } from './page-cases';

const fixture = (file: string) =>
  readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');

for (const page of PAGE_CASES) {
  describe(`page: ${page.file} (${page.description})`, () => {
    const raw = fixture(page.file);
    const result = cleanText(raw);

    it('produces the exact article text', () => {
      assert.equal(result.text, page.paragraphs.join('\n\n'));
    });

    it('marks headings as heading blocks', () => {
      assert.deepEqual(
        result.blocks.map((b) => b.text),
        page.paragraphs,
      );
      const headings = result.blocks.flatMap((b, i) => (b.kind === 'heading' ? [i] : []));
      assert.deepEqual(headings, page.headings);
    });

    it('removes exactly the expected groups, with reasons and lines', () => {
      assert.deepEqual(
        result.removed.map(({ reason, startLine, endLine, text }) => ({
          reason,
          startLine,
          endLine,
          text,
        })),
        page.removed,
      );
    });

    it('extracts the metadata (also through extractMetadata)', () => {
      assert.deepEqual(result.metadata, page.metadata);
      assert.deepEqual(extractMetadata(raw), page.metadata);
    });

    it('points every block and removed range at its source in the raw input', () => {
      for (const segment of result.segments) {
        assert.equal(stripInlineMarkdown(raw.slice(segment.start, segment.end)).text, segment.text);
      }
      for (const group of result.removed) {
        assert.equal(group.start, group.ranges[0]!.start);
        assert.equal(group.end, group.ranges.at(-1)!.end);
      }
    });

    it('gives every removed group a unique id and keeping all of them restores every block', () => {
      const ids = result.removed.map((g) => g.id);
      assert.equal(new Set(ids).size, ids.length);
      const all = cleanText(raw, { keep: ids });
      assert.equal(all.removed.length, 0);
      assert.equal(all.kept.length, ids.length);
      assert.equal(all.blocks.length >= result.segments.length - 2 * ids.length, true);
      for (const segment of result.segments) assert.ok(all.text.includes(segment.text));
    });
  });
}
