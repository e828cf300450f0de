/**
 * Verified claims as a JSON array, streamed one claim at a time. Dates are ISO 8601 strings;
 * verdicts and review states are given both as codes and as labels.
 */

import { REVIEW_STATE_LABELS, VERDICT_LABELS, type ReviewState, type Verdict } from '../domain';
import { DEFAULT_CLAIM_FILTER, isClaimIncluded } from './filter';
import { isoDateTime } from './dates';
import { jsonArrayWriter, writeClaimBatches } from './stream';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';
import { exportedUrl } from './urls';
import type { ClaimFilter, ClaimSource, ExportClaim, ExportEvidence, ExportPerson } from './types';

/** Options for the JSON claim list. */
export type ClaimsJsonOptions = {
  /** Approved claims only (default) or all claims with their review state. */
  readonly filter?: ClaimFilter;
};

/** One claim of the JSON export. */
export type ClaimJson = {
  readonly id: string;
  readonly text: string;
  readonly claimant: string | null;
  readonly verdict: Verdict;
  readonly verdictLabel: string;
  readonly rationale: string;
  readonly reviewState: ReviewState;
  readonly reviewStateLabel: string;
  readonly author: ExportPerson;
  readonly reviewer: ExportPerson | null;
  readonly approvedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly evidence: readonly EvidenceJson[];
  readonly appearances: readonly {
    readonly articleId: string;
    readonly articleTitle: string;
    readonly sourceUrl: string | null;
    readonly sourceName: string | null;
    readonly publishedAt: string | null;
    readonly quote: string;
  }[];
};

/** One evidence source of a claim, with its stored copy and the quote's place in it. */
export type EvidenceJson = {
  readonly url: string;
  readonly title: string | null;
  readonly quote: string | null;
  readonly accessedAt: string | null;
  /**
   * The stored copy the quote was taken from (archive id, fetch time, sha256 of the body as it
   * arrived, WARC-Record-ID); null when the source was not archived.
   */
  readonly capture: {
    readonly id: string;
    readonly kind: 'FETCH' | 'UPLOAD';
    readonly url: string;
    readonly fetchedAt: string;
    readonly sha256: string;
    readonly warcRecordId: string;
  } | null;
  /**
   * W3C selectors of the quote in the stored copy's text (TextPositionSelector in code points);
   * null when there is no copy or the quote was not found in it.
   */
  readonly selector: readonly [TextQuoteSelector, TextPositionSelector] | null;
  /** EXACT when the quote is verbatim in the copy, FUZZY when only close; null: not anchored. */
  readonly quoteMatch: 'EXACT' | 'FUZZY' | null;
};

/** The JSON form of one evidence source. */
export function evidenceToJson(e: ExportEvidence): EvidenceJson {
  const q = e.quoteSelector ?? null;
  return {
    url: exportedUrl(e.url) ?? e.url,
    title: e.title,
    quote: e.quote,
    accessedAt: optionalDate(e.accessedAt),
    capture: e.capture
      ? {
          id: e.capture.id,
          kind: e.capture.kind,
          url:
            e.capture.kind === 'FETCH'
              ? (exportedUrl(e.capture.url) ?? e.capture.url)
              : e.capture.url,
          fetchedAt: isoDateTime(e.capture.fetchedAt),
          sha256: e.capture.sha256,
          warcRecordId: e.capture.warcRecordId,
        }
      : null,
    selector:
      e.capture && q
        ? [
            { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
            { type: 'TextPositionSelector', start: q.start, end: q.end },
          ]
        : null,
    quoteMatch: e.capture && q ? q.match : null,
  };
}

/** The JSON form of a claim (plain data, dates as ISO strings). */
export function claimToJson(claim: ExportClaim): ClaimJson {
  return {
    id: claim.id,
    text: claim.text,
    claimant: claim.claimant,
    verdict: claim.verdict,
    verdictLabel: VERDICT_LABELS[claim.verdict],
    rationale: claim.rationale,
    reviewState: claim.reviewState,
    reviewStateLabel: REVIEW_STATE_LABELS[claim.reviewState],
    author: { id: claim.author.id, name: claim.author.name },
    reviewer: claim.reviewer ? { id: claim.reviewer.id, name: claim.reviewer.name } : null,
    approvedAt: optionalDate(claim.approvedAt),
    createdAt: isoDateTime(claim.createdAt),
    updatedAt: isoDateTime(claim.updatedAt),
    evidence: claim.evidence.map(evidenceToJson),
    appearances: claim.appearances.map((a) => ({
      articleId: a.articleId,
      articleTitle: a.articleTitle,
      sourceUrl: exportedUrl(a.sourceUrl),
      sourceName: a.sourceName,
      publishedAt: optionalDate(a.publishedAt),
      quote: a.quote,
    })),
  };
}

/**
 * Streams `[`, then each included claim on its own line, then `]`: valid JSON once joined,
 * without ever holding the list.
 */
export async function* toClaimsJson(
  claims: ClaimSource,
  options: ClaimsJsonOptions = {},
): AsyncGenerator<string, void, undefined> {
  const array = jsonArrayWriter();
  const filter = options.filter ?? DEFAULT_CLAIM_FILTER;
  yield* writeClaimBatches(claims, (claim) =>
    isClaimIncluded(claim, filter) ? array.item(claimToJson(claim)) : '',
  );
  yield array.end();
}

/** `toClaimsJson` for a synchronous list. */
export function* toClaimsJsonSync(
  claims: Iterable<ExportClaim>,
  options: ClaimsJsonOptions = {},
): Generator<string, void, undefined> {
  const array = jsonArrayWriter();
  const filter = options.filter ?? DEFAULT_CLAIM_FILTER;
  for (const claim of claims) {
    if (isClaimIncluded(claim, filter)) yield array.item(claimToJson(claim));
  }
  yield array.end();
}

function optionalDate(date: Date | null): string | null {
  return date ? isoDateTime(date) : null;
}
