/**
 * The wire shape of a revision's edits (zod), apart from ./text-edits so the browser bundle,
 * which maps highlights through edits, does not carry zod.
 */
import { z } from 'zod';
import { MAX_TEXT_EDITS } from './text-edits';

/** A revision's edits as sent (ranges checked against the text by `applyTextEdits`). */
export const textEditsSchema = z
  .array(
    z
      .object({
        from: z.number().int().min(0),
        to: z.number().int().min(0),
        insert: z.string().max(2_000_000),
      })
      .strict()
      .refine((edit) => edit.from <= edit.to, { message: 'An edit must end after it starts.' }),
  )
  .max(MAX_TEXT_EDITS);
