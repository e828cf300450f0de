/**
 * The sign-in counters in PostgreSQL (issue #11): one row per key, incremented with a single
 * INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent attempts on any number of app
 * instances each get their own count (no read-then-write). The policy is lib/sign-in-throttle.
 */
import { createHash } from 'node:crypto';
import { decideSignIn, type ThrottleDecision, type ThrottleLimits } from '@/lib/sign-in-throttle';
import type { PrismaClient } from './db';
import { securitySettings } from './security-settings';

/** The three keys of one attempt. Emails are hashed: the table never holds an address list. */
export function counterKeys(clientAddress: string, email: string) {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
  return {
    client: `client:${clientAddress}`,
    clientAccount: `client-account:${clientAddress}:${account}`,
    account: `account:${account}`,
  };
}

export function throttleLimits(): ThrottleLimits {
  const s = securitySettings();
  return {
    clientLimit: s.FACTMARK_SIGNIN_CLIENT_LIMIT,
    accountLimit: s.FACTMARK_SIGNIN_ACCOUNT_LIMIT,
    accountCeiling: s.FACTMARK_SIGNIN_ACCOUNT_CEILING,
    windowMs: s.FACTMARK_SIGNIN_WINDOW_MINUTES * 60_000,
  };
}

interface CounterRow {
  key: string;
  attempts: number;
  windowStart: Date;
}

/**
 * Counts one sign-in attempt under all three keys (a window older than `windowMs` starts
 * again at 1) and decides whether its password is checked.
 */
export async function countSignInAttempt(
  prisma: PrismaClient,
  clientAddress: string,
  email: string,
  limits: ThrottleLimits = throttleLimits(),
  now = new Date(),
): Promise<ThrottleDecision> {
  const keys = counterKeys(clientAddress, email);
  const windowSeconds = limits.windowMs / 1000;
  const rows = await prisma.$queryRaw<CounterRow[]>`
    INSERT INTO "SignInCounter" ("key", "attempts", "windowStart")
    SELECT k, 1, now() FROM unnest(${[keys.client, keys.clientAccount, keys.account]}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN "SignInCounter"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                        THEN 1 ELSE "SignInCounter"."attempts" + 1 END,
      "windowStart" = CASE WHEN "SignInCounter"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                           THEN now() ELSE "SignInCounter"."windowStart" END
    RETURNING "key", "attempts", "windowStart"`;
  const count = (key: string) => rows.find((row) => row.key === key);
  const client = count(keys.client);
  const clientAccount = count(keys.clientAccount);
  const refusing = [client, clientAccount].filter(
    (row) => row && row.attempts > (row === client ? limits.clientLimit : limits.accountLimit),
  );
  const windowStart = refusing.reduce(
    (latest, row) => (row && row.windowStart > latest ? row.windowStart : latest),
    new Date(0),
  );
  return decideSignIn(
    {
      client: client?.attempts ?? 1,
      clientAccount: clientAccount?.attempts ?? 1,
      account: count(keys.account)?.attempts ?? 1,
      windowStart: refusing.length > 0 ? windowStart : now,
    },
    limits,
    now,
  );
}

/**
 * After a successful sign-in: the account's counter for this client starts again, and the
 * attempt is given back to the client's own counter (people behind one office address who sign
 * in correctly never use up its allowance).
 */
export async function forgetSuccessfulAttempt(
  prisma: PrismaClient,
  clientAddress: string,
  email: string,
): Promise<void> {
  const keys = counterKeys(clientAddress, email);
  await prisma.$executeRaw`
    DELETE FROM "SignInCounter" WHERE "key" = ${keys.clientAccount}`;
  await prisma.$executeRaw`
    UPDATE "SignInCounter" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ${keys.client}`;
}

/**
 * The client's address as Next.js passes it: the last X-Forwarded-For entry (the one our reverse
 * proxy added, or the socket's address that Next.js puts there when the header is absent).
 * Exposed directly to the internet, a client could forge the header: run behind a proxy that
 * sets it (README, "Running it for real").
 */
export function clientAddress(headers: Headers | Record<string, unknown> | undefined): string {
  const raw =
    headers instanceof Headers
      ? headers.get('x-forwarded-for')
      : (headers?.['x-forwarded-for'] as string | string[] | undefined);
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const last = value.split(',').pop()?.trim();
  return last ? last.slice(0, 100) : 'unknown';
}
