import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildParagraphMap, offsetToPos, posToOffset } from './paragraph-map';
import { splitParagraphs } from './text';

const text = 'Alpha beta.\n\n  Gamma “delta” 🙂.\nEpsilon';
const map = buildParagraphMap(splitParagraphs(text));

describe('paragraph map', () => {
  it('numbers positions the ProseMirror way: one step into each paragraph, two between them', () => {
    assert.deepEqual(map.contentStarts, [1, 14, 33]);
    assert.equal(map.size, 41);
  });

  it('round-trips every offset inside a paragraph', () => {
    for (const paragraph of map.paragraphs) {
      for (let offset = paragraph.start; offset <= paragraph.end; offset++) {
        assert.equal(posToOffset(map, offsetToPos(map, offset, 'start')), offset);
      }
    }
  });

  it('maps a selection across paragraphs to the text between, line breaks included', () => {
    const from = offsetToPos(map, text.indexOf('beta'), 'start');
    const to = offsetToPos(map, text.indexOf('Gamma') + 5, 'end');
    assert.equal(text.slice(posToOffset(map, from), posToOffset(map, to)), 'beta.\n\n  Gamma');
  });

  it('keeps offsets in the gaps between paragraphs from growing into a neighbour', () => {
    const gap = text.indexOf('\n');
    assert.equal(offsetToPos(map, gap + 1, 'start'), map.contentStarts[1]);
    assert.equal(offsetToPos(map, gap + 1, 'end'), map.contentStarts[0]! + 'Alpha beta.'.length);
    assert.equal(offsetToPos(map, 0, 'start'), 1);
  });

  it('maps positions between paragraphs to the end of the one before', () => {
    assert.equal(posToOffset(map, 13), 'Alpha beta.'.length);
    assert.equal(posToOffset(map, 0), 0);
  });

  it('copes with an empty text', () => {
    const empty = buildParagraphMap([]);
    assert.equal(offsetToPos(empty, 0, 'start'), 0);
    assert.equal(posToOffset(empty, 5), 0);
  });
});
