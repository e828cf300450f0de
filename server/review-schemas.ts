/**
 * Input rules of the review routes (zod); the limits they share with the forms live in
 * lib/review/limits, so client components do not ship zod. Blank comments and reasons are let through on purpose:
 * lib/review decides what is missing and says so in its own words (400 naming the field).
 */
import { z } from 'zod';
import { REVIEW_STATES, VERDICTS } from '@/lib/domain';
import { MAX_COMMENT_LENGTH } from '@/lib/review/limits';

/** Queue page sizes: the default and the most a client may ask for. */
export const QUEUE_PAGE_SIZE = 25;
export const MAX_QUEUE_PAGE_SIZE = 50;
/** Most claims one bulk approval may name. */
export const MAX_BULK_APPROVE = 100;

const id = z.string().min(1).max(64);
const version = z.number().int().min(1);

export const claimParamsSchema = z.object({ id });

/** Every decision names the claim version the user saw (409 when it changed since). */
export const submitSchema = z.object({ version }).strict();

/**
 * `confirmChangedText`: the reviewer saw that a passage is fuzzy or changed since submission
 * (the first attempt answers 409 naming the changed words) and approves anyway.
 */
export const approveSchema = z
  .object({
    version,
    comment: z.string().max(MAX_COMMENT_LENGTH).nullish(),
    confirmChangedText: z.boolean().optional(),
  })
  .strict();

export const requestChangesSchema = z
  .object({ version, comment: z.string().max(MAX_COMMENT_LENGTH).default('') })
  .strict();

export const reopenSchema = z
  .object({ version, reason: z.string().max(MAX_COMMENT_LENGTH).default('') })
  .strict();

export const bulkApproveSchema = z
  .object({
    claims: z
      .array(z.object({ id, version }).strict())
      .min(1, 'Select at least one claim.')
      .max(MAX_BULK_APPROVE),
  })
  .strict();

export const newCommentSchema = z
  .object({
    body: z.string().trim().min(1, 'Write a comment first.').max(MAX_COMMENT_LENGTH),
  })
  .strict();

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => v || undefined);

/** `GET /api/review-queue` and the queue page's search params. */
export const queueQuerySchema = z.object({
  article: optionalId,
  author: optionalId,
  verdict: z
    .union([z.enum(VERDICTS), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  /** The cursor of the next page, as answered in `nextCursor`. */
  after: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  limit: z.coerce.number().int().min(1).max(MAX_QUEUE_PAGE_SIZE).default(QUEUE_PAGE_SIZE),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const myClaimsQuerySchema = z.object({
  state: z.enum(REVIEW_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
