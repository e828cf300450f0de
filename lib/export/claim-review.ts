/**
 * Verified claims as schema.org ClaimReview JSON-LD, with what Google's fact-check guidelines
 * require (claimReviewed, reviewRating with alternateName, url) and recommend (author,
 * datePublished, itemReviewed as a Claim with author, datePublished, appearance and
 * firstAppearance; numeric ratingValue/bestRating/worstRating where the verdict has one). The
 * verdict -> rating mapping is documented in `rating.ts`. UNVERIFIED claims are never exported.
 */

import { REVIEW_STATE_LABELS } from '../domain';
import { codePointLength } from './code-points';
import { DEFAULT_CLAIM_FILTER, isClaimIncluded } from './filter';
import { isoDateTime } from './dates';
import { jsonArrayWriter, type Chunk, writeClaimBatches } from './stream';
import {
  hasNumericRating,
  isReviewableVerdict,
  verdictRating,
  type SchemaOrgRating,
} from './rating';
import type {
  ClaimFilter,
  ClaimSource,
  ExportAppearance,
  ExportClaim,
  ExportConfig,
} from './types';
import { appUrls, safeHttpUrl, type AppUrls } from './urls';

/** Google truncates claimReviewed beyond this many characters on mobile; keep it shorter. */
export const CLAIM_REVIEWED_MAX_CHARS = 75;

/** The schema.org type of whoever made the claim. */
export type ClaimantType = 'Person' | 'Organization';

/** Options for the ClaimReview export. */
export type ClaimReviewOptions = {
  /** Approved claims only (default) or all claims, each with `creativeWorkStatus`. */
  readonly filter?: ClaimFilter;
  /** Decides Person or Organization for a claimant (default: `guessClaimantType`). */
  readonly claimantType?: (claimant: string) => ClaimantType;
  /** BCP 47 language of the reviews, written as `inLanguage` when given. */
  readonly language?: string;
};

/** A schema.org CreativeWork where the claim appeared. */
export type SchemaOrgCreativeWork = {
  readonly '@type': 'CreativeWork';
  /** Absent when the article has no (http) source URL: the work is still named and dated. */
  readonly url?: string;
  readonly headline: string;
  readonly datePublished?: string;
  readonly publisher?: { readonly '@type': 'Organization'; readonly name: string };
};

/** One ClaimReview JSON-LD object. */
export type ClaimReviewJsonLd = {
  readonly '@context': 'https://schema.org';
  readonly '@type': 'ClaimReview';
  readonly url: string;
  readonly claimReviewed: string;
  readonly reviewRating: SchemaOrgRating;
  readonly itemReviewed: {
    readonly '@type': 'Claim';
    readonly author?: { readonly '@type': ClaimantType; readonly name: string };
    readonly datePublished?: string;
    readonly appearance?: readonly SchemaOrgCreativeWork[];
    readonly firstAppearance?: SchemaOrgCreativeWork;
  };
  readonly author: {
    readonly '@type': 'Organization';
    readonly name: string;
    readonly url: string;
  };
  readonly datePublished?: string;
  readonly dateModified: string;
  readonly reviewBody?: string;
  readonly creativeWorkStatus?: string;
  readonly inLanguage?: string;
};

/** Words that mark a claimant as an organisation rather than a person. */
const ORGANISATION_WORDS =
  /\b(ministry|department|government|council|party|agency|committee|commission|office|authority|parliament|senate|congress|assembly|police|army|inc|ltd|llc|plc|gmbh|corp|corporation|company|co|group|association|union|institute|university|bank|foundation|federation|society|club|network|news|press|times|post|tv|radio|media|organi[sz]ation|embassy|court|campaign|secretariat)\b/i;
/** An acronym of 2 to 6 capitals (WHO, NATO, UNICEF) is taken as an organisation. */
const ACRONYM = /^[A-Z0-9&.]{2,6}$/;

/**
 * Person or Organization for a claimant name, by a simple heuristic: an acronym, or a name with a
 * word such as Ministry, Party, Council, Inc or News, is an Organization; anything else a Person.
 * Pass `claimantType` in the options where the app knows better.
 */
export function guessClaimantType(claimant: string): ClaimantType {
  const name = claimant.trim();
  return ACRONYM.test(name) || ORGANISATION_WORDS.test(name) ? 'Organization' : 'Person';
}

/**
 * The ClaimReview of one claim, or null when it is not exported: UNVERIFIED, or not approved
 * while the filter is `approved`.
 */
export function toClaimReview(
  claim: ExportClaim,
  config: ExportConfig,
  options: ClaimReviewOptions = {},
): ClaimReviewJsonLd | null {
  const filter = options.filter ?? DEFAULT_CLAIM_FILTER;
  const rating = verdictRating(claim.verdict);
  if (!rating || !isClaimIncluded(claim, filter)) return null;
  const claimant = claim.claimant?.trim();
  const typeOf = options.claimantType ?? guessClaimantType;
  const appearances = claimAppearances(claim.appearances);
  const first = firstAppearance(appearances);
  // Optional properties are added in place, in this order (the JSON's key order): an export
  // builds thousands of these, and spreading a fresh object per property cost more than writing.
  const itemReviewed: Mutable<ClaimReviewJsonLd['itemReviewed']> = { '@type': 'Claim' };
  if (claimant) itemReviewed.author = { '@type': typeOf(claimant), name: claimant };
  // The claim was made when it first appeared: the earliest article date, URL or not.
  if (first?.datePublished) itemReviewed.datePublished = first.datePublished;
  if (appearances.length > 0) itemReviewed.appearance = appearances;
  if (first) itemReviewed.firstAppearance = first;
  const review: Partial<Mutable<ClaimReviewJsonLd>> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: urlsOf(config).claim(claim.id),
    claimReviewed: claim.text,
    reviewRating: rating,
    itemReviewed,
    author: {
      '@type': 'Organization',
      name: config.organisation.name,
      url: config.organisation.url,
    },
  };
  if (claim.approvedAt) review.datePublished = isoDateTime(claim.approvedAt);
  review.dateModified = isoDateTime(claim.updatedAt);
  if (claim.rationale.trim()) review.reviewBody = claim.rationale;
  if (filter === 'all') review.creativeWorkStatus = REVIEW_STATE_LABELS[claim.reviewState];
  if (options.language) review.inLanguage = options.language;
  return review as ClaimReviewJsonLd; // every required property is set
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Streams a JSON array of ClaimReview objects (UNVERIFIED and filtered-out claims skipped). */
export async function* toClaimReviewJsonLd(
  claims: ClaimSource,
  config: ExportConfig,
  options: ClaimReviewOptions = {},
): AsyncGenerator<Chunk, void, undefined> {
  // Made to be embedded in the fact-check's page, in a <script type="application/ld+json">.
  const array = jsonArrayWriter({ htmlSafe: true });
  yield* writeClaimBatches(claims, (claim) => {
    const review = toClaimReview(claim, config, options);
    return review ? array.item(review) : '';
  });
  yield array.end();
}

/** `toClaimReviewJsonLd` for a synchronous list. */
export function* toClaimReviewJsonLdSync(
  claims: Iterable<ExportClaim>,
  config: ExportConfig,
  options: ClaimReviewOptions = {},
): Generator<string, void, undefined> {
  // Made to be embedded in the fact-check's page, in a <script type="application/ld+json">.
  const array = jsonArrayWriter({ htmlSafe: true });
  for (const claim of claims) {
    const review = toClaimReview(claim, config, options);
    if (review) yield array.item(review);
  }
  yield array.end();
}

/** Why a claim's ClaimReview is missing, incomplete or likely to be shown badly. */
export type ClaimReviewWarningCode =
  | 'UNVERIFIED'
  | 'NOT_APPROVED'
  | 'CLAIM_REVIEWED_EMPTY'
  | 'CLAIM_REVIEWED_TOO_LONG'
  | 'NO_CLAIMANT'
  | 'NO_APPEARANCE_URL'
  | 'INVALID_APPEARANCE_URL'
  | 'NO_APPEARANCE_DATE'
  | 'NO_NUMERIC_RATING';

/**
 * `error`: no ClaimReview is exported (by default); `warning`: a required or recommended property
 * is missing or poor; `info`: a deliberate omission worth knowing.
 */
export type ClaimReviewWarning = {
  readonly code: ClaimReviewWarningCode;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
};

/** Problems with a claim's ClaimReview, for the claim form and the export screen. */
export function claimReviewWarnings(claim: ExportClaim): ClaimReviewWarning[] {
  const warnings: ClaimReviewWarning[] = [];
  const add = (
    code: ClaimReviewWarningCode,
    severity: ClaimReviewWarning['severity'],
    message: string,
  ) => warnings.push({ code, severity, message });

  if (!isReviewableVerdict(claim.verdict)) {
    add('UNVERIFIED', 'error', 'Unverified claims are not published as ClaimReview.');
  } else if (!hasNumericRating(claim.verdict)) {
    add(
      'NO_NUMERIC_RATING',
      'info',
      'This verdict is published as a textual rating only, without a 1-5 value.',
    );
  }
  if (claim.reviewState !== 'APPROVED' || !claim.approvedAt) {
    add(
      'NOT_APPROVED',
      'error',
      'The claim is not approved: it has no publication date and is left out of the default export.',
    );
  }
  const length = codePointLength(claim.text.trim());
  if (length === 0) {
    add('CLAIM_REVIEWED_EMPTY', 'error', 'The claim text is empty; claimReviewed is required.');
  } else if (length > CLAIM_REVIEWED_MAX_CHARS) {
    add(
      'CLAIM_REVIEWED_TOO_LONG',
      'warning',
      `The claim text has ${length} characters; search engines may cut it after ${CLAIM_REVIEWED_MAX_CHARS}.`,
    );
  }
  if (!claim.claimant?.trim()) {
    add('NO_CLAIMANT', 'warning', 'No claimant: the reviewed claim has no author.');
  }
  if (claim.appearances.some((a) => a.sourceUrl && !safeHttpUrl(a.sourceUrl))) {
    add(
      'INVALID_APPEARANCE_URL',
      'warning',
      'An article source URL is not an http(s) URL and is left out.',
    );
  }
  if (!claim.appearances.some((a) => safeHttpUrl(a.sourceUrl))) {
    add(
      'NO_APPEARANCE_URL',
      'warning',
      "The article has no source URL: the claim's appearance has no address.",
    );
  }
  if (!claim.appearances.some((a) => a.publishedAt)) {
    add(
      'NO_APPEARANCE_DATE',
      'warning',
      'The article has no published date: the claim has no datePublished.',
    );
  }
  return warnings;
}

/** The app's URLs for `config`, built once per config (an export asks for one per claim). */
function urlsOf(config: ExportConfig): AppUrls {
  let urls = URLS_BY_CONFIG.get(config);
  if (!urls) {
    urls = appUrls(config.appBaseUrl);
    URLS_BY_CONFIG.set(config, urls);
  }
  return urls;
}
const URLS_BY_CONFIG = new WeakMap<ExportConfig, AppUrls>();

/**
 * The articles the claim appears in as CreativeWorks, one per source URL (or per article when it
 * has none): a work without an address still carries its headline, date and publisher.
 */
function claimAppearances(appearances: readonly ExportAppearance[]): SchemaOrgCreativeWork[] {
  // Most claims have one span: no map needed.
  if (appearances.length === 1) {
    const appearance = appearances[0]!;
    return [creativeWork(appearance, safeHttpUrl(appearance.sourceUrl))];
  }
  const byUrl = new Map<string, SchemaOrgCreativeWork>();
  for (const appearance of appearances) {
    const url = safeHttpUrl(appearance.sourceUrl);
    const key = url ?? `article:${appearance.articleId}`;
    if (!byUrl.has(key)) byUrl.set(key, creativeWork(appearance, url));
  }
  return [...byUrl.values()];
}

/** The article of `appearance` as a CreativeWork at `url` (its safe source URL, if any). */
function creativeWork(appearance: ExportAppearance, url: string | null): SchemaOrgCreativeWork {
  const work: Partial<Mutable<SchemaOrgCreativeWork>> = { '@type': 'CreativeWork' };
  if (url) work.url = url;
  work.headline = appearance.articleTitle;
  if (appearance.publishedAt) work.datePublished = isoDateTime(appearance.publishedAt);
  if (appearance.sourceName) {
    work.publisher = { '@type': 'Organization', name: appearance.sourceName };
  }
  return work as SchemaOrgCreativeWork; // the headline is set
}

/**
 * The earliest dated appearance (one with an address first among equals), or the first one
 * listed when none is dated.
 */
function firstAppearance(
  appearances: readonly SchemaOrgCreativeWork[],
): SchemaOrgCreativeWork | undefined {
  let first: SchemaOrgCreativeWork | undefined;
  for (const appearance of appearances) {
    if (!appearance.datePublished) continue;
    if (
      !first?.datePublished ||
      appearance.datePublished < first.datePublished ||
      (appearance.datePublished === first.datePublished && appearance.url && !first.url)
    ) {
      first = appearance;
    }
  }
  return first ?? appearances[0];
}
