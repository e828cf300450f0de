/**
 * A checker of ClaimReview JSON-LD against Google's fact-check structured data guidelines
 * (developers.google.com/search/docs/appearance/structured-data/factcheck): the properties it
 * requires, those it recommends, and value rules (absolute RFC 3986 URLs, ISO 8601 dates, typed
 * authors). Used by the tests of every export and by anyone who wants to audit a file.
 */

/** One finding: `required` makes the review ineligible; `recommended` makes it poorer. */
export type ClaimReviewFinding = {
  readonly level: 'required' | 'recommended';
  /** JSON path of the property, e.g. `itemReviewed.author.@type`. */
  readonly path: string;
  readonly message: string;
};

/**
 * An absolute http(s) URI in RFC 3986 syntax: only unreserved, reserved-in-place and
 * percent-encoded characters (no spaces, brackets outside the host, braces, pipes, carets).
 */
const RFC3986_HTTP_URI =
  /^https?:\/\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:%]+@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(?::\d*)?(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;

/** ISO 8601 date or date-time. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `value` is an absolute http(s) URI valid under RFC 3986. */
export function isRfc3986HttpUri(value: unknown): boolean {
  return typeof value === 'string' && RFC3986_HTTP_URI.test(value);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

/**
 * Everything Google's guidelines would flag in one ClaimReview object: missing required
 * properties, missing recommended ones, and malformed values. Empty when it is complete.
 */
export function checkClaimReview(review: unknown): ClaimReviewFinding[] {
  const findings: ClaimReviewFinding[] = [];
  const need = (path: string, message: string) =>
    findings.push({ level: 'required', path, message });
  const want = (path: string, message: string) =>
    findings.push({ level: 'recommended', path, message });
  if (!isObject(review)) {
    need('', 'Not a JSON object.');
    return findings;
  }
  if (review['@context'] !== 'https://schema.org') need('@context', 'Must be https://schema.org.');
  if (review['@type'] !== 'ClaimReview') need('@type', 'Must be ClaimReview.');
  if (!isText(review.claimReviewed)) need('claimReviewed', 'The claim text is required.');
  if (!isRfc3986HttpUri(review.url)) need('url', 'An absolute RFC 3986 URL is required.');

  const rating = review.reviewRating;
  if (!isObject(rating)) {
    need('reviewRating', 'A Rating is required.');
  } else {
    if (rating['@type'] !== 'Rating') need('reviewRating.@type', 'Must be Rating.');
    if (!isText(rating.alternateName)) {
      need('reviewRating.alternateName', 'The textual verdict is required.');
    }
    if (rating.ratingValue !== undefined) {
      const { ratingValue: value, bestRating: best, worstRating: worst } = rating;
      if (typeof best !== 'number' || typeof worst !== 'number' || typeof value !== 'number') {
        need('reviewRating.bestRating', 'A numeric rating needs bestRating and worstRating.');
      } else if (value < worst || value > best) {
        need('reviewRating.ratingValue', 'The rating must lie between worst and best.');
      }
    }
  }

  const author = review.author;
  if (!isObject(author) || !isText(author.name)) {
    want('author.name', 'The publisher of the review should be named.');
  } else {
    if (author['@type'] !== 'Organization' && author['@type'] !== 'Person') {
      want('author.@type', 'The author should be an Organization or a Person.');
    }
    if (author.url !== undefined && !isRfc3986HttpUri(author.url)) {
      need('author.url', 'Must be an absolute RFC 3986 URL.');
    }
  }
  checkDate(review.datePublished, 'datePublished', findings);

  const item = review.itemReviewed;
  if (!isObject(item)) {
    want('itemReviewed', 'The reviewed Claim should be described.');
    return findings;
  }
  if (item['@type'] !== 'Claim') want('itemReviewed.@type', 'Should be Claim.');
  const claimant = item.author;
  if (!isObject(claimant) || !isText(claimant.name)) {
    want('itemReviewed.author', 'Who made the claim should be named.');
  } else if (claimant['@type'] !== 'Person' && claimant['@type'] !== 'Organization') {
    want('itemReviewed.author.@type', 'The claimant should be a Person or an Organization.');
  }
  checkDate(item.datePublished, 'itemReviewed.datePublished', findings);
  const appearances = Array.isArray(item.appearance) ? item.appearance : [];
  if (appearances.length === 0 && item.firstAppearance === undefined) {
    want('itemReviewed.appearance', 'Where the claim appeared should be given.');
  }
  [...appearances, ...(item.firstAppearance ? [item.firstAppearance] : [])].forEach((work, i) => {
    const path =
      i < appearances.length ? `itemReviewed.appearance[${i}]` : 'itemReviewed.firstAppearance';
    if (!isObject(work)) {
      need(path, 'Must be a CreativeWork.');
      return;
    }
    if (work.url === undefined)
      want(`${path}.url`, 'The address of the appearance should be given.');
    else if (!isRfc3986HttpUri(work.url)) need(`${path}.url`, 'Must be an absolute RFC 3986 URL.');
    if (work.datePublished !== undefined)
      checkDate(work.datePublished, `${path}.datePublished`, findings);
  });
  return findings;
}

function checkDate(value: unknown, path: string, findings: ClaimReviewFinding[]): void {
  if (value === undefined) {
    findings.push({ level: 'recommended', path, message: 'The date should be given.' });
  } else if (typeof value !== 'string' || !ISO_DATE.test(value)) {
    findings.push({ level: 'required', path, message: 'Must be an ISO 8601 date.' });
  }
}
