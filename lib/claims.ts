/** Input rules for claims, their evidence and their spans, shared by the API and the editor. */
import { z } from 'zod';
import { timestampSchema } from './date-schemas';
import { VERDICTS } from './domain';
import { textEditsSchema } from './anchoring/text-edits-schema';

const httpUrl = z
  .string()
  .trim()
  .url('Enter a full web address (https://…).')
  .refine((value) => /^https?:\/\//i.test(value), 'Only http and https addresses are allowed.');

export const evidenceSchema = z.object({
  url: httpUrl,
  title: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => v || null),
  quote: z
    .string()
    .trim()
    .max(5000)
    .nullish()
    .transform((v) => v || null),
  /** A calendar date (yyyy-mm-dd) or an ISO 8601 date-time with a zone (then rewritten in UTC). */
  accessedAt: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(timestampSchema.nullable()),
  /** The stored copy the quote was taken from (POST /api/evidence/captures). */
  captureId: z.string().max(64).nullish(),
  /** Where the user selected the quote in the copy's text: decides between repeats. */
  quoteStart: z.number().int().min(0).nullish(),
});
export type EvidenceInput = z.infer<typeof evidenceSchema>;

/** The claim fields as sent, without defaults (so a partial update leaves the rest alone). */
const claimFields = {
  text: z.string().trim().min(1, 'Say what is claimed.').max(2000),
  claimant: z
    .string()
    .trim()
    .max(300)
    .nullish()
    .transform((v) => v || null),
  verdict: z.enum(VERDICTS),
  rationale: z.string().max(20000),
  evidence: z.array(evidenceSchema).max(50),
};

/** A new claim: verdict Unverified, no rationale and no evidence unless given. */
export const claimFieldsSchema = z.object({
  ...claimFields,
  verdict: claimFields.verdict.default('UNVERIFIED'),
  rationale: claimFields.rationale.default(''),
  evidence: claimFields.evidence.default([]),
});

const spanFields = {
  articleId: z.string().min(1).max(64),
  revisionId: z.string().min(1).max(64),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
};
const spanIsNotEmpty: [
  (span: { start: number; end: number }) => boolean,
  { message: string; path: string[] },
] = [(span) => span.end > span.start, { message: 'Select some text first.', path: ['end'] }];

export const spanSchema = z.object(spanFields).refine(...spanIsNotEmpty);
export type SpanInput = z.infer<typeof spanSchema>;

/**
 * Linking or re-attaching a span: the span, and optionally the claim version the user saw
 * (409 with the current state when it changed since).
 */
export const spanChangeSchema = z
  .object({ ...spanFields, version: z.number().int().min(1).optional() })
  .refine(...spanIsNotEmpty);

/** Deleting a claim: `?version=` the user saw, and `?reason=` (required for an approved one). */
export const claimDeleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
  reason: z.string().trim().max(5000).optional(),
});

/** Removing a span: `?version=` of its claim the user saw. */
export const spanDeleteQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
});

export const newClaimSchema = z.object({ span: spanSchema, claim: claimFieldsSchema });
/** What callers pass (defaults not yet applied); createClaim validates it again. */
export type NewClaim = z.input<typeof newClaimSchema>;

/** An edit: only the fields sent change (zod 4 would apply defaults inside `.partial()`). */
export const claimUpdateSchema = z
  .object(claimFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type ClaimUpdate = z.infer<typeof claimUpdateSchema>;

export const revisionSchema = z.object({
  baseRevisionId: z.string().min(1).max(64),
  text: z.string().min(1, 'The text cannot be empty.').max(2_000_000),
  /** The editor's edits that made `text` from the base (Revise mode); absent for a pasted text. */
  edits: textEditsSchema.optional(),
});
