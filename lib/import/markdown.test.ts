import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, parseLineMarker, stripInlineMarkdown } from './markdown';
import { INLINE_CASES, MARKER_CASES } from './markdown-cases';

describe('stripInlineMarkdown', () => {
  for (const c of INLINE_CASES) {
    it(c.name, () => {
      const result = stripInlineMarkdown(c.input);
      assert.equal(result.text, c.text);
      if (c.linkCount !== undefined) assert.equal(result.linkCount, c.linkCount);
      if (c.emphasized !== undefined) assert.equal(result.emphasized, c.emphasized);
    });
  }

  it('measures link text for link density', () => {
    const result = stripInlineMarkdown('[Home](/) | [World](/world) | [Sport](/sport)');
    assert.equal(result.text, 'Home | World | Sport');
    assert.equal(result.linkCount, 3);
    assert.equal(result.linkChars, 'HomeWorldSport'.length);
  });

  it('counts link text after its own markup is stripped', () => {
    const result = stripInlineMarkdown('[**Bold link**](/x)');
    assert.equal(result.text, 'Bold link');
    assert.equal(result.linkChars, 9);
  });

  it('returns empty text for markup-only input', () => {
    assert.equal(stripInlineMarkdown('![only an image](x.png)').text, '');
    assert.equal(stripInlineMarkdown('<div></div>').text, '');
    assert.equal(stripInlineMarkdown('').text, '');
  });
});

describe('decodeEntities', () => {
  it('leaves text without ampersands alone', () => {
    assert.equal(decodeEntities('plain “text”'), 'plain “text”');
  });
  it('rejects out-of-range numeric references', () => {
    assert.equal(decodeEntities('&#0; &#x110000;'), '&#0; &#x110000;');
  });
});

describe('parseLineMarker', () => {
  for (const c of MARKER_CASES) {
    it(`${JSON.stringify(c.line)} -> ${c.kind}`, () => {
      const marker = parseLineMarker(c.line);
      assert.equal(marker.kind, c.kind);
      if (c.level !== undefined) assert.equal(marker.level, c.level);
      if (c.content !== undefined) assert.equal(marker.content, c.content);
    });
  }

  it('reports where the content starts in the line', () => {
    const marker = parseLineMarker('  - item text');
    assert.equal('  - item text'.slice(marker.contentOffset), 'item text');
    const heading = parseLineMarker('## Title');
    assert.equal('## Title'.slice(heading.contentOffset), 'Title');
  });
});
