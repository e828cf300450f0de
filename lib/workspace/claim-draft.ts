/** The claim form's values, and the conversions from a saved claim and to the API's payload. */
import type { ClaimDTO, EvidenceDTO } from '@/lib/api/types';
import type { Verdict } from '@/lib/domain';

export interface ClaimDraft {
  text: string;
  claimant: string;
  verdict: Verdict;
  rationale: string;
  evidence: EvidenceDTO[];
}

/** The form's starting values for a saved claim (evidence dates as yyyy-mm-dd). */
export function fromClaim(claim: ClaimDTO): ClaimDraft {
  return {
    text: claim.text,
    claimant: claim.claimant ?? '',
    verdict: claim.verdict,
    rationale: claim.rationale,
    evidence: claim.evidence.map((e) => ({
      ...e,
      accessedAt: e.accessedAt ? e.accessedAt.slice(0, 10) : null,
    })),
  };
}

/** A blank draft for a new claim on `quote`: the quote as its text, verdict Unverified. */
export function newDraft(quote: string): ClaimDraft {
  return { text: quote.trim(), claimant: '', verdict: 'UNVERIFIED', rationale: '', evidence: [] };
}

/** The claim fields as the API takes them (a blank claimant is none). */
export function toClaimFields(draft: ClaimDraft) {
  return {
    text: draft.text,
    claimant: draft.claimant || null,
    verdict: draft.verdict,
    rationale: draft.rationale,
    evidence: draft.evidence.map((e) => ({
      url: e.url,
      title: e.title,
      quote: e.quote,
      accessedAt: e.accessedAt,
      // The stored copy stays linked on every save (the server re-anchors the quote in it).
      captureId: e.captureId ?? null,
      quoteStart: e.quoteStart ?? null,
    })),
  };
}
