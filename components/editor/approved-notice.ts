/**
 * Said before the user acts (issue #10): a span change sends an approved claim back to review
 * (README, "The rules").
 */
export const APPROVED_SPAN_NOTICE = {
  link: 'This claim is approved: linking this passage sends it back to review.',
  reattach: 'This claim is approved: re-attaching its passage sends it back to review.',
} as const;
