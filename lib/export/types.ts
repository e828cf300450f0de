/**
 * The shapes the exporters work on. They are plain data: the persistence layer maps its rows onto
 * them and hands them to the pure functions of `lib/export`. Nothing here knows about Prisma,
 * HTTP or React. Offsets (`start`, `end`) are JavaScript string indices (UTF-16 code units) into
 * the revision's text, exactly as they are stored; the W3C export converts them to Unicode code
 * points itself.
 */

import type { AnchorState, ReviewState, Verdict } from '../domain';

/** An immutable version of an article's text. `sha256` is the hex digest of `text` as UTF-8. */
export type ExportRevision = {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly sha256: string;
  readonly createdAt: Date;
};

/** An article with the revision being exported. */
export type ExportArticle = {
  readonly id: string;
  readonly title: string;
  readonly sourceName: string | null;
  readonly sourceUrl: string | null;
  readonly byline: string | null;
  readonly publishedAt: Date | null;
  readonly revision: ExportRevision;
};

/** A user as exports show them. Emails are never exported. */
export type ExportPerson = {
  readonly id: string;
  readonly name: string;
};

/** The annotation's creator as the database has it; `email` is accepted but never exported. */
export type ExportCreator = ExportPerson & {
  readonly email: string;
};

/**
 * A span of the revision's text linked to a claim: `start` inclusive, `end` exclusive, both UTF-16
 * indices into `revision.text`; `exact`, `prefix` and `suffix` are the quote selector stored with
 * it. ORPHANED annotations have no trustworthy offsets.
 */
export type ExportAnnotation = {
  readonly id: string;
  readonly claimId: string;
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly anchorState: AnchorState;
  readonly createdAt: Date;
  readonly creator: ExportCreator;
};

/**
 * The stored copy (issue #15) a piece of evidence was quoted from: a WARC record in Factmark's
 * archive. `url` is the address finally fetched (or the uploaded file's name); `sha256` is the
 * digest of the response body as it arrived.
 */
export type ExportEvidenceCapture = {
  readonly id: string;
  readonly kind: 'FETCH' | 'UPLOAD';
  readonly url: string;
  readonly fetchedAt: Date;
  readonly sha256: string;
  readonly warcRecordId: string;
};

/**
 * Where the evidence quote sits in its capture's stored (cleaned) text: W3C quote selector parts
 * and `start`/`end` in Unicode code points; `match` says whether it was found verbatim.
 */
export type ExportEvidenceQuote = {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly match: 'EXACT' | 'FUZZY';
};

/** One piece of evidence cited by a claim. */
export type ExportEvidence = {
  /** The evidence row's id (names its W3C annotation); absent in older callers. */
  readonly id?: string;
  readonly url: string;
  readonly title: string | null;
  readonly quote: string | null;
  readonly accessedAt: Date | null;
  /** The stored copy, when the source was archived. */
  readonly capture?: ExportEvidenceCapture | null;
  /** The quote anchored in the stored copy; null when not archived or not found there. */
  readonly quoteSelector?: ExportEvidenceQuote | null;
};

/** An article the claim appears in, with the passage quoted there. */
export type ExportAppearance = {
  readonly articleId: string;
  readonly articleTitle: string;
  readonly sourceUrl: string | null;
  readonly sourceName: string | null;
  readonly publishedAt: Date | null;
  readonly quote: string;
};

/** A claim with everything the exports show about it. */
export type ExportClaim = {
  readonly id: string;
  readonly text: string;
  readonly claimant: string | null;
  readonly verdict: Verdict;
  readonly rationale: string;
  readonly reviewState: ReviewState;
  readonly author: ExportPerson;
  readonly reviewer: ExportPerson | null;
  readonly approvedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly evidence: readonly ExportEvidence[];
  readonly appearances: readonly ExportAppearance[];
};

/** An article's revision with its annotations and the claims they belong to. */
export type AnnotatedArticle = {
  readonly article: ExportArticle;
  readonly annotations: readonly ExportAnnotation[];
  /** The claims the annotations point at (extra claims are ignored). */
  readonly claims: readonly ExportClaim[];
};

/** The publisher of the exports. `appBaseUrl` is the absolute URL of the Factmark deployment. */
export type ExportConfig = {
  readonly organisation: { readonly name: string; readonly url: string };
  readonly appBaseUrl: string;
};

/**
 * Which claims an export includes: `approved` (the default) only claims a reviewer approved;
 * `all` every claim, each labelled with its review state.
 */
export type ClaimFilter = 'approved' | 'all';

/**
 * A list of claims, read synchronously or streamed: one claim at a time, or in batches (page by
 * page from the database). A batch is written in one synchronous pass, so a long list costs one
 * asynchronous step per batch rather than per claim (issue #13).
 */
export type ClaimSource =
  Iterable<ExportClaim> | AsyncIterable<ExportClaim> | AsyncIterable<readonly ExportClaim[]>;
