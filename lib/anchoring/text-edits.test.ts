import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTextQuote } from './describe';
import { reanchor } from './reanchor';
import { applyTextEdits, mapSpanThroughEdits } from './text-edits';
import { textEditsSchema } from './text-edits-schema';

const TEXT = 'Officials said the economy grew by 3% last year.';
// "the economy"
const SPAN = { start: 15, end: 26 };

describe('applyTextEdits', () => {
  it('applies the edits in order, each in the text as the previous one left it', () => {
    const edits = [
      { from: 0, to: 9, insert: 'Ministers' },
      { from: 10, to: 14, insert: 'claimed' },
      { from: 41, to: 41, insert: '!' },
    ];
    assert.equal(
      applyTextEdits(TEXT, edits),
      'Ministers claimed the economy grew by 3% !last year.',
    );
  });

  it('refuses an edit outside the text or cutting a surrogate pair', () => {
    assert.equal(applyTextEdits('short', [{ from: 3, to: 9, insert: '' }]), null);
    assert.equal(applyTextEdits('a😀b', [{ from: 2, to: 2, insert: 'x' }]), null);
  });

  it('rejects an edit that ends before it starts on the wire', () => {
    assert.equal(textEditsSchema.safeParse([{ from: 4, to: 2, insert: '' }]).success, false);
    assert.equal(textEditsSchema.safeParse([{ from: 2, to: 4, insert: 'x' }]).success, true);
  });
});

describe('mapSpanThroughEdits', () => {
  const map = (edits: Parameters<typeof mapSpanThroughEdits>[0]) =>
    mapSpanThroughEdits(edits, SPAN);

  it('keeps text typed at either edge of a span outside it', () => {
    assert.deepEqual(map([{ from: 15, to: 15, insert: 'all of ' }]), { start: 22, end: 33 });
    assert.deepEqual(map([{ from: 26, to: 26, insert: "'s output" }]), { start: 15, end: 26 });
  });

  it('grows a span with text typed inside it, keystroke by keystroke', () => {
    const edits = [...'whole '].map((ch, i) => ({ from: 19 + i, to: 19 + i, insert: ch }));
    assert.deepEqual(map(edits), { start: 15, end: 32 });
  });

  it('lets a replacement straddling an edge join the span', () => {
    // "said the" → "claimed that": the span now starts at "claimed that".
    assert.deepEqual(map([{ from: 10, to: 18, insert: 'claimed that' }]), { start: 10, end: 30 });
  });

  it('collapses a span whose text was deleted, and keeps later typing outside it', () => {
    assert.deepEqual(
      map([
        { from: 10, to: 30, insert: '' },
        { from: 10, to: 10, insert: 'said' },
      ]),
      { start: 14, end: 14 },
    );
  });
});

describe('reanchor with the editor’s edits', () => {
  const anchor = describeTextQuote(TEXT, SPAN);

  it('lands where the user typed even when a diff would guess another place', () => {
    // Typed "the " in front of the highlighted "the economy": the same new text as typing it
    // after the first "the", where a diff of the two texts puts it (the span would then read
    // "the the economy", a changed quote sent back to review).
    const edits = [{ from: 15, to: 15, insert: 'the ' }];
    const newText = applyTextEdits(TEXT, edits)!;
    const [result] = reanchor(TEXT, newText, [anchor], { edits });
    assert.equal(result!.state, 'MOVED');
    assert.deepEqual(
      { start: result!.anchor.start, exact: result!.anchor.exact },
      { start: 19, exact: 'the economy' },
    );
  });

  it('marks a span whose own words were edited FUZZY at the place the edits give', () => {
    const edits = [{ from: 19, to: 26, insert: 'econony' }];
    const newText = applyTextEdits(TEXT, edits)!;
    const [result] = reanchor(TEXT, newText, [anchor], { edits });
    assert.equal(result!.state, 'FUZZY');
    assert.equal(result!.anchor.exact, 'the econony');
  });
});
