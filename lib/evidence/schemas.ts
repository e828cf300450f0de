/** Request bodies of the evidence API, shared by the routes and the client. */
import { z } from 'zod';

export const archiveRequestSchema = z.object({
  url: z
    .string()
    .trim()
    .url('Enter a full web address (https://…).')
    .refine((value) => /^https?:\/\//i.test(value), 'Only http and https addresses are allowed.'),
});

export const quoteRequestSchema = z.object({
  quote: z.string().trim().min(1, 'Paste or select the quoted passage.').max(5000),
  /** Where the user selected it in the copy's text (decides between repeats). */
  start: z.number().int().min(0).optional(),
});

export const idParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const proposalParamsSchema = z.object({
  id: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
});

/** POST /api/articles/:id/proposals/:proposalId: accept (against the revision seen) or dismiss. */
export const proposalActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), baseRevisionId: z.string().min(1).max(64) }),
  z.object({ action: z.literal('dismiss') }),
]);
