/**
 * Advice on a claim's wording, shown in the claim form. Pure and free of zod (apart from
 * ./claims, the input rules), so the editor's browser code can use it.
 */

/** Search engines show about this many characters of a ClaimReview's claimReviewed. */
export const CLAIM_TEXT_SOFT_LIMIT = 75;

/** Warnings shown in the claim form (not errors: the claim can still be saved). */
export function claimTextWarnings(text: string): string[] {
  return text.trim().length > CLAIM_TEXT_SOFT_LIMIT
    ? [`Over ${CLAIM_TEXT_SOFT_LIMIT} characters: search engines may cut it short in ClaimReview.`]
    : [];
}
