/**
 * NextAuth v4 configuration: email + password (Credentials provider), JWT sessions that name a
 * server-side session row (issue #11): signing out, a password reset, a role change or disabling
 * the account deletes the rows, and every request checks its row (session.ts), so a stolen or
 * old cookie stops working at once on every app instance.
 */
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { Role } from '@/lib/domain';
import { db } from './db';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './errors';
import { clientAddress, forgetSuccessfulAttempt } from './sign-in-counters';
import { securitySettings } from './security-settings';
import {
  endAllSessions,
  resumeSession,
  startSession,
  verifySignIn,
  WRONG_CREDENTIALS,
} from '../users';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** The UserSession row this cookie stands for. */
    sessionId: string;
  }
  interface User {
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    sid?: string;
  }
}

const credentialsSchema = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});

/** Thrown by the jwt callback for an ended session's cookie: expected, logged in one line. */
const SESSION_ENDED = 'This session has ended.';

/** Shown for any sign-in failure we did not foresee: never the error's own text. */
const SIGN_IN_FAILED = 'Sign-in failed on the server. Try again in a minute.';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: securitySettings().FACTMARK_SESSION_HOURS * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  logger: {
    error(code, metadata) {
      const message = metadata instanceof Error ? metadata.message : metadata?.message;
      if (code === 'JWT_SESSION_ERROR' && message === SESSION_ENDED) {
        console.warn("[factmark] an ended session's cookie was refused by the sign-in routes");
        return;
      }
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      // NextAuth passes a thrown message to the sign-in form as `error`: only our own sentences.
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        const { email, password } = parsed.data;
        let result;
        try {
          result = await verifySignIn(db(), email, password);
          if (result.ok) await forgetSuccessfulAttempt(db(), clientAddress(req?.headers), email);
        } catch (error) {
          console.error('[factmark] sign-in failed:', error instanceof Error ? error.name : error);
          throw new Error(isDatabaseUnavailable(error) ? DATABASE_UNAVAILABLE : SIGN_IN_FAILED);
        }
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sid = await startSession(db(), user.id);
        return token;
      }
      // Any later read of the cookie through NextAuth (its session address): only while its
      // session row holds. NextAuth then answers `{}` and clears the cookie instead of naming
      // the account to whoever kept an ended session's cookie.
      if (!(await isLiveSession(token))) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? '',
        email: token.email ?? '',
        name: token.name ?? '',
        role: token.role ?? 'EDITOR',
      };
      session.sessionId = token.sid ?? '';
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user, on every device (issue #11).
    // An ended session's cookie (a copy kept by someone else) ends nothing.
    async signOut({ token }) {
      if (token?.sub && (await isLiveSession(token))) await endAllSessions(db(), token.sub);
    },
  },
};

/** True while the cookie's session row is one `requireUser` accepts (see session.ts). */
async function isLiveSession(token: JWT): Promise<boolean> {
  if (!token.sub || !token.sid) return false;
  const settings = securitySettings();
  const user = await resumeSession(db(), token.sid, token.sub, {
    maxAgeMs: settings.FACTMARK_SESSION_HOURS * 3_600_000,
    idleMs: settings.FACTMARK_SESSION_IDLE_MINUTES * 60_000,
  });
  return user !== null;
}
