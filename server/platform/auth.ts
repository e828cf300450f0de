/**
 * NextAuth v4 configuration: email + password (Credentials provider), JWT sessions that name a
 * server-side session row (issue #11): signing out, a password reset, a role change or disabling
 * the account deletes the rows, and every request checks its row (session.ts), so a stolen or
 * old cookie stops working at once on every app instance.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { Role } from '@/lib/domain';
import { db } from './db';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './errors';
import { clientAddress, forgetSuccessfulAttempt } from './sign-in-counters';
import { securitySettings } from './security-settings';
import { endAllSessions, startSession, verifySignIn, WRONG_CREDENTIALS } from '../users';

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

/** Shown for any sign-in failure we did not foresee: never the error's own text. */
const SIGN_IN_FAILED = 'Sign-in failed on the server. Try again in a minute.';

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: securitySettings().FACTMARK_SESSION_HOURS * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
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
      }
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
    async signOut({ token }) {
      if (token?.sub) await endAllSessions(db(), token.sub);
    },
  },
};
