/**
 * Lengths the review forms and the API share. A module of its own, without zod or the rulebook,
 * so that client components can import it without shipping either to the browser.
 */

/** The longest review comment, change request or reopening reason, in characters. */
export const MAX_COMMENT_LENGTH = 5000;
