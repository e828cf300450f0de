/**
 * Security settings (issue #11), read from the environment once, with defaults that suit a
 * newsroom install. Apart from getEnv() so the proxy and `next build` can read them without a
 * database URL. Every variable is listed in the README's configuration table.
 */
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const settingsSchema = z.object({
  /**
   * Extra origins (scheme://host[:port], comma-separated) that may send state-changing
   * requests: the public address when a reverse proxy rewrites the Host header.
   */
  FACTMARK_PUBLIC_ORIGIN: z.string().default(''),
  /** Largest request body a route reads, in bytes. */
  FACTMARK_MAX_BODY_BYTES: positiveInt(1_000_000),
  /**
   * Largest body of the routes that take a whole article (import, new article, new revision):
   * a 5 MB text and its 5 MB raw input, with room for JSON escapes.
   */
  FACTMARK_MAX_TEXT_BODY_BYTES: positiveInt(16_000_000),
  /** A session ends this many hours after sign-in, however active. */
  FACTMARK_SESSION_HOURS: positiveInt(12),
  /** A session ends after this many minutes without a request. */
  FACTMARK_SESSION_IDLE_MINUTES: positiveInt(60),
  /** Failed sign-ins one client address may make (all accounts together) per window. */
  FACTMARK_SIGNIN_CLIENT_LIMIT: positiveInt(30),
  /** Failed sign-ins one client address may make for one account per window. */
  FACTMARK_SIGNIN_ACCOUNT_LIMIT: positiveInt(5),
  /** Failed sign-ins for one account from all clients after which every attempt is slowed. */
  FACTMARK_SIGNIN_ACCOUNT_CEILING: positiveInt(50),
  /** The window of the sign-in counters, in minutes. */
  FACTMARK_SIGNIN_WINDOW_MINUTES: positiveInt(15),
});

export type SecuritySettings = z.infer<typeof settingsSchema> & { publicOrigins: string[] };

let cached: SecuritySettings | undefined;

/** The validated settings; throws an Error naming a bad variable. */
export function securitySettings(): SecuritySettings {
  if (cached) return cached;
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const publicOrigins = [parsed.data.FACTMARK_PUBLIC_ORIGIN, process.env.NEXTAUTH_URL ?? '']
    .flatMap((list) => list.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => {
      try {
        return new URL(value).origin;
      } catch {
        throw new Error(`Invalid configuration:\n  FACTMARK_PUBLIC_ORIGIN: ${value} is not a URL`);
      }
    });
  cached = { ...parsed.data, publicOrigins };
  return cached;
}
