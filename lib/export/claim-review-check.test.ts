import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaimReview, isRfc3986HttpUri } from './claim-review-check';
import { toClaimReview } from './claim-review';
import { RATING_CASES } from './claim-review-cases';
import { CONFIG, PUBLISHED, makeClaim } from './test-fixtures';
import type { ExportAppearance } from './types';

/** Articles with and without a source URL and a published date, and what each lacks. */
const ARTICLE_CASES: readonly {
  name: string;
  appearance: Partial<ExportAppearance>;
  lacks: string[];
}[] = [
  { name: 'with URL and date', appearance: {}, lacks: [] },
  {
    name: 'with URL, without date',
    appearance: { publishedAt: null },
    lacks: ['itemReviewed.datePublished'],
  },
  {
    name: 'with date, without URL',
    appearance: { sourceUrl: null },
    lacks: ['itemReviewed.appearance[0].url', 'itemReviewed.firstAppearance.url'],
  },
  {
    name: 'without URL or date',
    appearance: { sourceUrl: null, publishedAt: null },
    lacks: [
      'itemReviewed.datePublished',
      'itemReviewed.appearance[0].url',
      'itemReviewed.firstAppearance.url',
    ],
  },
];

const appearance = (overrides: Partial<ExportAppearance>): ExportAppearance => ({
  articleId: 'a1',
  articleTitle: 'Astana 2 talks',
  sourceUrl: 'https://news.example/astana-2?page[1]=x',
  sourceName: 'The Daily Example',
  publishedAt: PUBLISHED,
  quote: 'q',
  ...overrides,
});

describe('ClaimReview against the required and recommended fields', () => {
  for (const verdict of RATING_CASES.filter((c) => c.exported)) {
    for (const article of ARTICLE_CASES) {
      it(`${verdict.verdict}, article ${article.name}: all required, recommended where data exists`, () => {
        const claim = makeClaim(`c-${verdict.verdict}`, {
          verdict: verdict.verdict,
          appearances: [appearance(article.appearance)],
        });
        const review = toClaimReview(claim, CONFIG);
        const findings = checkClaimReview(JSON.parse(JSON.stringify(review)));
        assert.deepEqual(
          findings.filter((f) => f.level === 'required'),
          [],
        );
        assert.deepEqual(
          findings.map((f) => f.path),
          article.lacks,
        );
        // The claim still names where it appeared and who said it, with a type.
        assert.equal(review?.itemReviewed.appearance?.[0]?.headline, 'Astana 2 talks');
        assert.deepEqual(review?.itemReviewed.author, { '@type': 'Person', name: 'Jane Minister' });
      });
    }
  }

  it('dates the claim by its earliest article even when only an undated one has a URL', () => {
    const review = toClaimReview(
      makeClaim('c', {
        appearances: [
          appearance({ articleId: 'a', publishedAt: null }),
          appearance({ articleId: 'b', sourceUrl: null }),
        ],
      }),
      CONFIG,
    );
    assert.equal(review?.itemReviewed.datePublished, PUBLISHED.toISOString());
    assert.equal(review?.itemReviewed.firstAppearance?.headline, 'Astana 2 talks');
  });

  it('flags what a consumer rejects', () => {
    const paths = (value: unknown) =>
      checkClaimReview(value)
        .filter((f) => f.level === 'required')
        .map((f) => f.path);
    const good = JSON.parse(JSON.stringify(toClaimReview(makeClaim('c'), CONFIG))) as Record<
      string,
      unknown
    >;
    assert.deepEqual(paths(good), []);
    assert.deepEqual(paths({ ...good, claimReviewed: ' ' }), ['claimReviewed']);
    assert.deepEqual(paths({ ...good, url: 'https://x.example/a[1]' }), ['url']);
    assert.deepEqual(paths({ ...good, reviewRating: { '@type': 'Rating' } }), [
      'reviewRating.alternateName',
    ]);
    assert.deepEqual(paths({ ...good, datePublished: '23/11/2026' }), ['datePublished']);
    assert.deepEqual(paths(null), ['']);
  });

  it('recognises RFC 3986 URIs', () => {
    assert.ok(isRfc3986HttpUri('https://x.example/a%5B1%5D?q=1&r=(2)#f'));
    assert.ok(isRfc3986HttpUri('http://[::1]:8080/'));
    assert.ok(!isRfc3986HttpUri('https://x.example/a[1]'));
    assert.ok(!isRfc3986HttpUri('https://x.example/a b'));
    assert.ok(!isRfc3986HttpUri('https://x.example/?q={x}'));
    assert.ok(!isRfc3986HttpUri('mailto:a@b.example'));
  });
});
