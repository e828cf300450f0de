/** Input rules for user accounts, shared by the admin API and the user:create CLI. */
import { z } from 'zod';
import { ROLES } from './domain';
import { passwordProblem } from './password-policy';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './password-policy';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

/** A password the policy accepts; its message says why one is refused. */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The same, also refusing a password built on the account's own email or name. */
function refinePasswordFor(
  value: { email?: string; name?: string; password?: string },
  ctx: z.RefinementCtx,
) {
  if (value.password === undefined) return;
  const inputs = [value.email, value.name].filter((s): s is string => Boolean(s));
  if (passwordProblem(value.password) !== null || inputs.length === 0) return;
  const problem = passwordProblem(value.password, inputs);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(', ')}.` });

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    role: roleSchema,
    password: passwordSchema,
  })
  .superRefine(refinePasswordFor);
export type NewUser = z.infer<typeof newUserSchema>;

export const userUpdateSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(200).optional(),
    role: roleSchema.optional(),
    password: passwordSchema.optional(),
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
  .superRefine(refinePasswordFor);
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
