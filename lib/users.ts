/** Input rules for user accounts, shared by the admin API and the user:create CLI. */
import { z } from 'zod';
import { ROLES } from './domain';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH };

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

/**
 * A password's length, checked with the other fields; its strength is checked once they all
 * pass (`checkPasswordStrength`).
 */
const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

/**
 * The password policy's strength check (zxcvbn, the costly part), with the account's own email
 * and name as known words so that a password built on them is refused too.
 */
function checkPasswordStrength(
  value: { email?: string; name?: string; password?: string },
  ctx: z.RefinementCtx,
) {
  if (value.password === undefined) return;
  const inputs = [value.email, value.name].filter((s): s is string => Boolean(s));
  const problem = passwordProblem(value.password, inputs);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

/**
 * Runs a refinement only when the fields are valid. zod would run it after a field's format or
 * length issue (those let parsing go on): an admin who sent a bad email would be judged on the
 * password too, and the estimator would run for a request that is refused anyway.
 */
const ONCE_FIELDS_PASS = {
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` });

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    role: roleSchema,
    password: passwordField,
  })
  .superRefine(checkPasswordStrength, ONCE_FIELDS_PASS);
export type NewUser = z.infer<typeof newUserSchema>;

export const userUpdateSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(200).optional(),
    role: roleSchema.optional(),
    password: passwordField.optional(),
    /** true disables the account (ends its sessions, refuses its sign-ins); false enables it. */
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine(
    (u) =>
      u.name !== undefined ||
      u.role !== undefined ||
      u.password !== undefined ||
      u.disabled !== undefined,
    { message: 'Send at least one of name, role, password, disabled.' },
  )
  .superRefine(checkPasswordStrength, ONCE_FIELDS_PASS);
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
