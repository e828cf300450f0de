import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANNOTATED_HTML_CSP, toAnnotatedHtml } from './annotated-html';
import {
  articleParagraphs,
  assertBalancedTags,
  markedSegments,
  references,
  tags,
} from './html-test-helpers';
import { CONFIG, NOW, annotationAt, annotationOf, makeAnnotated, makeClaim } from './test-fixtures';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&';

describe('toAnnotatedHtml: a safe, self-contained document', () => {
  const text = `Intro ${XSS} here.\nThe economy grew by 5%.`;
  const claim = makeClaim('c1', {
    text: `Claim ${XSS}`,
    claimant: `Claimant ${XSS}`,
    rationale: `Because ${XSS}\n\nSecond paragraph`,
    reviewer: { id: 'r', name: `Rev ${XSS}` },
    evidence: [
      { url: 'javascript:alert(1)', title: `JS ${XSS}`, quote: `Quote ${XSS}`, accessedAt: null },
      { url: ' JaVaScRiPt:alert(2)', title: null, quote: null, accessedAt: null },
      {
        url: 'data:text/html,<script>alert(3)</script>',
        title: 'data',
        quote: null,
        accessedAt: null,
      },
      { url: 'vbscript:msgbox(1)', title: 'vb', quote: null, accessedAt: null },
      { url: '/relative/path', title: 'relative', quote: null, accessedAt: null },
      {
        url: 'https://ok.example/a?b=1&c="2"',
        title: 'OK "source"',
        quote: null,
        accessedAt: null,
      },
    ],
  });
  const input = makeAnnotated(text, [annotationOf(text, XSS, 'c1')], [claim], {
    title: `Title ${XSS}`,
    byline: XSS,
    sourceName: XSS,
    sourceUrl: 'javascript:alert(4)',
  });
  const html = toAnnotatedHtml(input, CONFIG, { now: NOW });

  it('has no script element, event handler or script URL anywhere', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    const all = tags(html);
    const names = new Set(all.map((t) => t.name));
    for (const forbidden of [
      'script',
      'img',
      'iframe',
      'object',
      'embed',
      'form',
      'base',
      'link',
    ]) {
      assert.ok(!names.has(forbidden), `no <${forbidden}>`);
    }
    for (const tag of all) {
      for (const attribute of tag.attributes)
        assert.doesNotMatch(attribute, /^on/, `${tag.name} ${attribute}`);
    }
    assert.doesNotMatch(html, /href="(?!https?:\/\/|#)/i, 'links are http(s) or in-page only');
  });

  it('forbids scripts with a Content-Security-Policy meta', () => {
    assert.ok(
      html.includes(
        '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;',
      ),
    );
    assert.match(ANNOTATED_HTML_CSP, /^default-src 'none'/);
    assert.doesNotMatch(ANNOTATED_HTML_CSP, /script-src/, 'scripts fall back to none');
    assert.doesNotMatch(ANNOTATED_HTML_CSP, /unsafe-eval/);
  });

  it('is well formed: every < starts one of its own tags', () => {
    assertBalancedTags(html);
  });

  it('escapes user data in the text, notes, title and header', () => {
    const escaped =
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;';
    assert.ok(html.includes(`<title>Title ${escaped} (annotated)</title>`));
    assert.ok(html.includes(`<p class="fm-claim">Claim ${escaped}</p>`));
    assert.ok(html.includes(`<dd>Claimant ${escaped}</dd>`));
    assert.ok(html.includes(`<p>Because ${escaped}</p><p>Second paragraph</p>`));
    assert.ok(html.includes(`Approved by Rev ${escaped} on 2026-11-23`));
    assert.deepEqual(articleParagraphs(html), [`Intro ${XSS} here.`, 'The economy grew by 5%.']);
    assert.equal(markedSegments(html)[0]?.text, XSS);
  });

  it('links only http(s) evidence and source URLs', () => {
    assert.ok(html.includes('<li>JS &lt;script&gt;'), 'javascript: evidence is plain text');
    assert.ok(html.includes('<span class="fm-url">(javascript:alert(1))</span>'));
    assert.ok(html.includes('<li> JaVaScRiPt:alert(2)</li>'));
    assert.ok(html.includes('<li>data <span class="fm-url">(data:text/html,&lt;script&gt;'));
    assert.ok(html.includes('<li>relative <span class="fm-url">(/relative/path)</span></li>'));
    assert.ok(
      html.includes(
        '<a href="https://ok.example/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">OK &quot;source&quot;</a>',
      ),
    );
    assert.ok(html.includes(`<p class="fm-meta">${'&lt;script&gt;'}`), 'source name without link');
  });

  it('has a print stylesheet and no external resources', () => {
    assert.match(html, /@media print\{/);
    assert.match(html, /print-color-adjust:exact/);
    assert.doesNotMatch(html, /<link|@import|url\(/i);
  });
});

describe('toAnnotatedHtml: overlapping and nested spans', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'Alpha beta gamma delta epsilon zeta eta theta.';
  const outer = annotationOf(text, 'beta gamma delta epsilon', 'c1');
  const inner = annotationOf(text, 'gamma', 'c2');
  const crossing = annotationOf(text, 'epsilon zeta', 'c3');
  const claims = [
    makeClaim('c1', { verdict: 'FALSE' }),
    makeClaim('c2', { verdict: 'TRUE' }),
    makeClaim('c3', { verdict: 'MIXED' }),
  ];
  const html = toAnnotatedHtml(makeAnnotated(text, [crossing, inner, outer], claims), CONFIG, {
    now: NOW,
  });

  it('cuts the text at every boundary, each segment knowing its covering claims', () => {
    assert.deepEqual(
      markedSegments(html).map((s) => [s.text, s.claims]),
      [
        ['beta ', [1]],
        ['gamma', [1, 2]],
        [' delta ', [1]],
        ['epsilon', [1, 3]],
        [' zeta', [3]],
      ],
    );
    assert.deepEqual(articleParagraphs(html), [text], 'the text is intact');
    assertBalancedTags(html);
  });

  it('numbers claims in text order and puts a reference where each span ends', () => {
    assert.deepEqual(references(html), [2, 1, 3]);
    for (const n of [1, 2, 3]) assert.ok(html.includes(`id="fm-claim-${n}"`));
    assert.ok(html.indexOf('id="fm-claim-1"') < html.indexOf('id="fm-claim-2"'));
  });

  it('fills with the innermost verdict and underlines every covering span on its own lane', () => {
    const gamma = markedSegments(html)[1];
    assert.ok(gamma);
    assert.ok(gamma.classes.includes('fm-f-true'), 'innermost (TRUE) fill');
    assert.ok(gamma.classes.includes('fm-l0-false'), 'outer on lane 0');
    assert.ok(gamma.classes.includes('fm-l1-true'), 'inner on lane 1');
    const epsilon = markedSegments(html)[3];
    assert.ok(epsilon?.classes.includes('fm-l0-false') && epsilon.classes.includes('fm-l1-mixed'));
    assert.ok(markedSegments(html)[4]?.classes.includes('fm-l1-mixed'), 'lane kept along the span');
  });

  it('handles identical spans of two claims and spans sharing an end', () => {
    const t = 'one two three';
    const a = annotationOf(t, 'two three', 'c1');
    const b = annotationOf(t, 'two three', 'c2');
    const c = annotationOf(t, 'three', 'c3');
    const out = toAnnotatedHtml(makeAnnotated(t, [a, b, c], claims), CONFIG, { now: NOW });
    assert.deepEqual(
      markedSegments(out).map((s) => [s.text, s.claims]),
      [
        ['two ', [1, 2]],
        ['three', [1, 2, 3]],
      ],
    );
    assert.deepEqual(references(out), [3, 2, 1], 'innermost reference first');
    assertBalancedTags(out);
  });
});

describe('toAnnotatedHtml: paragraphs', () => {
  const text = 'First paragraph ends here.\n\nSecond one starts.\nThird line 😀 after emoji.';
  const across = annotationOf(text, 'ends here.\n\nSecond one', 'c1');
  const emoji = annotationOf(text, '😀 after', 'c2');
  const html = toAnnotatedHtml(
    makeAnnotated(text, [across, emoji], [makeClaim('c1'), makeClaim('c2')]),
    CONFIG,
    { now: NOW },
  );

  it('splits paragraphs on line breaks, splitting spans that cross them', () => {
    assert.deepEqual(articleParagraphs(html), [
      'First paragraph ends here.',
      'Second one starts.',
      'Third line 😀 after emoji.',
    ]);
    assert.deepEqual(
      markedSegments(html).map((s) => s.text),
      ['ends here.', 'Second one', '😀 after'],
    );
    assert.deepEqual(references(html), [1, 2]);
    assertBalancedTags(html);
  });

  it('handles \\r\\n line endings and a text without annotations', () => {
    const out = toAnnotatedHtml(makeAnnotated('a\r\nb\r\n\r\nc', [], []), CONFIG, { now: NOW });
    assert.deepEqual(articleParagraphs(out), ['a', 'b', 'c']);
    assert.ok(out.includes('No fact-checks to show.'));
  });
});

describe('toAnnotatedHtml: claim filter and unplaced annotations', () => {
  const text = 'Claim one. Claim two. Claim three.';
  const approved = makeClaim('c1');
  const draft = makeClaim('c2', {
    reviewState: 'SUBMITTED',
    approvedAt: null,
    verdict: 'MISLEADING',
  });
  const orphanClaim = makeClaim('c3', { verdict: 'TRUE' });
  const annotations = [
    annotationOf(text, 'Claim one', 'c1'),
    annotationOf(text, 'Claim two', 'c2'),
    annotationAt(text, 0, 0, 'c3', { anchorState: 'ORPHANED', exact: 'vanished <quote>' }),
    annotationAt(text, 30, 99, 'c1', { exact: 'out of range' }),
  ];
  const input = makeAnnotated(text, annotations, [approved, draft, orphanClaim]);

  it('shows approved claims only by default', () => {
    const html = toAnnotatedHtml(input, CONFIG, { now: NOW });
    assert.deepEqual(
      markedSegments(html).map((s) => s.text),
      ['Claim one'],
    );
    assert.ok(!html.includes('Misleading'));
    assert.ok(!html.includes('Review state'));
    assert.ok(html.includes('Approved fact-checks only'));
  });

  it('shows all claims with their review state on request', () => {
    const html = toAnnotatedHtml(input, CONFIG, { now: NOW, filter: 'all' });
    assert.deepEqual(
      markedSegments(html).map((s) => s.text),
      ['Claim one', 'Claim two'],
    );
    assert.ok(html.includes('<dt>Review state</dt><dd>Submitted</dd>'));
    assert.ok(html.includes('Not approved yet (Submitted'));
    assert.ok(html.includes('All claims, with their review state'));
  });

  it('lists annotations it cannot place in their note instead of highlighting them', () => {
    const html = toAnnotatedHtml(input, CONFIG, { now: NOW });
    assert.ok(html.includes('id="fm-claim-2"'), 'orphaned claim numbered after placed ones');
    assert.ok(html.includes('<q>vanished &lt;quote&gt;</q>'));
    assert.ok(html.includes('<q>out of range</q>'), 'offsets outside the text are not placed');
    assert.deepEqual(references(html), [1]);
    assertBalancedTags(html);
  });
});
