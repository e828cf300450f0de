import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRepeatedTextWorkload, EDITORS_NOTE } from './fixtures/repeated';
import { countChangedUnits, diffTexts, diffWords, mapOffset } from './text-diff';

describe('diffTexts and mapOffset', () => {
  it('maps every offset of unchanged text exactly, around an insertion and a replacement', () => {
    const oldText = 'The talks began in Astana.\nThey ended on Oct. 4.\n';
    const newText = 'UPDATED\nThe talks began in Astana.\nThey ended on Oct. 5.\n';
    const changes = diffTexts(oldText, newText);
    for (let at = 0; at <= oldText.indexOf('4'); at++) {
      assert.equal(mapOffset(changes, at, 'start'), at + 8, `offset ${at}`);
    }
    assert.equal(mapOffset(changes, oldText.length, 'end'), newText.length);
  });

  it('keeps text inserted at a span edge outside the span, and a replaced edge inside', () => {
    const changes = diffTexts('say Randa Kassis said', 'say activist Randa Kassis said');
    // "Randa" started at 4: its start maps after the insertion, an end at 4 before it.
    assert.equal(mapOffset(changes, 4, 'start'), 13);
    assert.equal(mapOffset(changes, 4, 'end'), 4);
    const replaced = diffTexts('one two three', 'one TWO three');
    assert.equal(mapOffset(replaced, 4, 'start'), 4);
    assert.equal(mapOffset(replaced, 7, 'end'), 7);
    assert.equal(countChangedUnits(replaced, 4, 7, 4, 7), 3);
  });

  it('pairs each copy of a repeated paragraph with its own copy when others were edited', () => {
    const { oldText, newText } = createRepeatedTextWorkload({ words: 5_000, quotes: 500 });
    const changes = diffTexts(oldText, newText);
    const shifted = changes.filter(
      (change) => change.oldFrom > 0 && change.newFrom !== change.oldFrom + EDITORS_NOTE.length,
    );
    assert.deepEqual(shifted, []);
  });

  it('diffs a deleted section next to edited sentences in one piece', () => {
    const { oldText } = createRepeatedTextWorkload({ words: 20_000, quotes: 10 });
    const cut = Math.floor(oldText.length * 0.4);
    const newText = oldText.slice(0, cut) + oldText.slice(cut + 20_000).replace('the', 'The');
    const changes = diffTexts(oldText, newText);
    const removed = changes.reduce(
      (sum, c) => sum + (c.oldTo - c.oldFrom - c.newTo + c.newFrom),
      0,
    );
    assert.equal(removed, 20_000);
    assert.ok(changes.length <= 4, `${changes.length} changes`);
  });
});

describe('diffWords', () => {
  it('marks whole words inserted and deleted, and rebuilds both texts', () => {
    const oldText = 'Officials said 29 of the 37 participants signed it.';
    const newText = 'Officials said most participants signed it on Friday.';
    const runs = diffWords(oldText, newText);
    const join = (kinds: string[]) =>
      runs
        .filter((run) => kinds.includes(run.kind))
        .map((run) => run.text)
        .join('');
    assert.equal(join(['equal', 'delete']), oldText);
    assert.equal(join(['equal', 'insert']), newText);
    for (const run of runs.filter((run) => run.kind !== 'equal')) {
      assert.match(run.text, /^\S.*\S\s*$|^\S\s*$/, JSON.stringify(run.text));
    }
    assert.ok(runs.some((run) => run.kind === 'delete' && run.text.includes('29 of the 37')));
  });
});
