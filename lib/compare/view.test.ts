import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from './compare';
import { toComparisonHtml } from './report-html';
import { rankSimilar } from './similar';
import { toComparisonView } from './view';

const A =
  'The declaration was signed by 29 of the 37 participants at the talks. The weather was fine.';
const B =
  'The declaration was signed by the 37 participants at the talks. Officials left <b>early</b> & quietly.';

describe('toComparisonView', () => {
  const view = toComparisonView(compareTexts(A, B), A, B, {
    a: [{ claimId: 'c1', start: 4, end: 15, text: 'A claim' }],
    b: [],
  });

  it('cuts a statement into segments at differences and claims, keeping the whole text', () => {
    const row = view.rows[0]!;
    assert.equal(
      row.a.segments.map((s) => s.text).join(''),
      A.slice(row.a.span.start, row.a.span.end),
    );
    assert.deepEqual(
      row.a.segments.filter((s) => s.types.length).map((s) => [s.text, s.types]),
      [['29 of the 37', ['number']]],
    );
    assert.deepEqual(row.a.segments.find((s) => s.claimIds.length)?.text, 'declaration');
  });

  it('pre-fills a claim text with what differs', () => {
    assert.equal(
      view.rows[0]!.differences[0]!.suggestion,
      'Reports differ on the number: “29 of the 37” (A) against “37” (B)',
    );
  });

  it('counts pairs, differences and only-in-one statements', () => {
    assert.deepEqual(view.counts, {
      same: 0,
      reworded: 0,
      differs: 1,
      onlyA: 1,
      onlyB: 1,
      differences: 1,
    });
  });

  it('exports a self-contained HTML report with the text escaped', () => {
    const html = toComparisonHtml(view, {
      titleA: 'A <report>',
      titleB: 'B',
      generatedAt: '2026-12-01',
    });
    assert.match(html, /<mark class="d-number"[^>]*>29 of the 37<\/mark>/);
    assert.match(html, /Officials left &lt;b&gt;early&lt;\/b&gt; &amp; quietly/);
    assert.match(html, /A &lt;report&gt;/);
    assert.doesNotMatch(html, /<script|<link|src=/);
  });
});

describe('rankSimilar', () => {
  it('ranks the report of the same event first and leaves out unrelated articles', () => {
    const ranked = rankSimilar({ id: 'a', text: A }, [
      { id: 'a', text: A },
      { id: 'cooking', text: 'Stir the onions until golden, then add the tomatoes and simmer.' },
      { id: 'b', text: B },
      { id: 'c', text: 'The weather in the capital was cold and wet all week.' },
    ]);
    assert.deepEqual(
      ranked.map((r) => r.id),
      ['b', 'c'],
    );
    assert.ok(ranked[0]!.score > ranked[1]!.score);
  });
});
