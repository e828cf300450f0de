import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  duplicateMessage,
  matchLabel,
  matchesHeading,
  sharePercent,
} from './library-match-wording';

const identical = { title: 'Talks in Astana', relation: 'identical', similarity: 1 } as const;
const near = { title: 'Talks in Astana', relation: 'near-duplicate', similarity: 0.912 } as const;
const overlap = { title: 'Talks in Astana', relation: 'contains', similarity: 0.48 } as const;

describe('library match wording', () => {
  it('says 100% only for the same text, never for a near copy that rounds up', () => {
    assert.equal(sharePercent(identical), 100);
    assert.equal(sharePercent(near), 91);
    assert.equal(sharePercent({ relation: 'near-duplicate', similarity: 0.997 }), 99);
  });

  it('heads the preview by the closest match: this article, a near copy, an overlap', () => {
    assert.equal(matchesHeading(identical), 'This article is already in the library:');
    assert.equal(
      matchesHeading(near),
      'A nearly identical article (91% the same text) is already in the library:',
    );
    assert.equal(
      matchesHeading(overlap),
      'An article with much of the same text is already in the library:',
    );
  });

  it('words the save refusal with the same classification, naming the closest match', () => {
    assert.equal(
      duplicateMessage(identical),
      'The library already has the same text: “Talks in Astana”. Save anyway to import it again.',
    );
    assert.equal(
      duplicateMessage(near),
      'The library already has a nearly identical article (91% the same text): “Talks in Astana”. Save anyway to import it again.',
    );
    assert.equal(
      duplicateMessage(overlap),
      'The library already has an article with much of the same text: “Talks in Astana”. Save anyway to import it again.',
    );
  });

  it('labels each listed match by its own relation', () => {
    assert.equal(matchLabel(identical), 'the same text, 100% alike');
    assert.equal(matchLabel(near), 'nearly the same text, 91% alike');
    assert.equal(matchLabel(overlap), 'much of the same text, 48% alike');
  });
});
