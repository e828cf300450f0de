/**
 * The app server's configuration, validated once on first use (not at import, so `next build`
 * works without a database). `scripts/start.ts` fills in the defaults a newcomer needs.
 */
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: 'DATABASE_URL is not set (npm start sets it for the embedded database)' })
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL'),
  NEXTAUTH_SECRET: z
    .string({ error: 'NEXTAUTH_SECRET is not set (npm start generates one into .data/)' })
    .min(32, 'NEXTAUTH_SECRET must be at least 32 characters'),
  FACTMARK_DEMO: z.enum(['on', 'off']).default('on'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; throws an Error naming every missing or bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}
