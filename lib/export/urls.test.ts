import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toAnnotatedHtml } from './annotated-html';
import { isRfc3986HttpUri } from './claim-review-check';
import { toClaimReview } from './claim-review';
import { checkMusts } from './conformance/w3c-conformance';
import { toCsvSync } from './csv';
import { unescapeHtml } from './html-test-helpers';
import { URL_CASES } from './urls-cases';
import { safeHttpUrl } from './urls';
import { buildWebAnnotationCollection } from './web-annotation';
import { CONFIG, NOW, annotationOf, makeAnnotated, makeClaim } from './test-fixtures';

describe('safeHttpUrl: RFC 3986 URIs for every export', () => {
  for (const c of URL_CASES) {
    it(`${c.stored} -> ${c.exported}`, () => {
      const exported = safeHttpUrl(c.stored);
      assert.equal(exported, c.exported);
      if (exported) assert.ok(isRfc3986HttpUri(exported), exported);
    });
  }
});

const LINKABLE = URL_CASES.filter((c) => c.exported);
const TEXT = 'The minister said the economy grew by 5% last year.';
const claim = makeClaim('c1', {
  evidence: LINKABLE.map((c, i) => ({
    url: c.stored,
    title: `E${i}`,
    quote: null,
    accessedAt: null,
  })),
  appearances: [
    {
      articleId: 'art1',
      articleTitle: 'Astana 2 talks',
      sourceUrl: URL_CASES[0]!.stored,
      sourceName: 'News',
      publishedAt: NOW,
      quote: 'grew by 5%',
    },
  ],
});
const input = makeAnnotated(TEXT, [annotationOf(TEXT, 'grew by 5%', 'c1')], [claim], {
  sourceUrl: URL_CASES[0]!.stored,
});

/** Every http(s) URL a JSON document holds. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:/i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

describe('exports write only RFC 3986 URLs', () => {
  it("W3C Web Annotation: passes the suite's MUST assertions with brackets in the URLs", () => {
    const collection = JSON.parse(
      JSON.stringify(buildWebAnnotationCollection(input, CONFIG, { now: NOW })),
    ) as { first: { items: unknown[] } };
    for (const annotation of collection.first.items) {
      assert.deepEqual(checkMusts('annotation', annotation), []);
    }
    const urls = urlsIn(collection);
    assert.ok(urls.includes(LINKABLE[0]!.exported!));
    assert.deepEqual(
      urls.filter((u) => !isRfc3986HttpUri(u)),
      [],
    );
  });

  it('ClaimReview: the appearance URL is percent-encoded', () => {
    const review = toClaimReview(claim, CONFIG);
    assert.equal(review?.itemReviewed.firstAppearance?.url, LINKABLE[0]!.exported);
    assert.deepEqual(
      urlsIn(review).filter((u) => !isRfc3986HttpUri(u)),
      [],
    );
  });

  it('annotated HTML: every link is an RFC 3986 URI', () => {
    const html = toAnnotatedHtml(input, CONFIG, { now: NOW });
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));
    assert.ok(hrefs.includes(LINKABLE[0]!.exported!));
    assert.deepEqual(
      hrefs.filter((u) => /^https?:/.test(u) && !isRfc3986HttpUri(u)),
      [],
    );
  });

  it('CSV: evidence and source URLs are written encoded', () => {
    const csv = [...toCsvSync([claim])].join('');
    assert.ok(csv.includes(LINKABLE[0]!.exported!));
    assert.ok(!csv.includes('filter[year]'));
  });
});
