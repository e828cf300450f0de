/** Input rules for user accounts, shared by the admin API and the user:create CLI. */
import { z } from 'zod';
import { ROLES } from './domain';

/** Long enough to resist guessing; no composition rules (they make passwords worse). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` });

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(200),
  role: roleSchema,
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userUpdateSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(200).optional(),
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((u) => u.name !== undefined || u.role !== undefined || u.password !== undefined, {
    message: 'Send at least one of name, role, password.',
  });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** A display name from an email address, for the CLI when --name is not given. */
export function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}
