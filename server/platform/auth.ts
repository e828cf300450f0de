/** NextAuth v4 configuration: email + password (Credentials provider), JWT sessions. */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { Role } from '@/lib/domain';
import { db } from './db';
import { verifySignIn, WRONG_CREDENTIALS } from '../users';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
  interface User {
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
  }
}

const credentialsSchema = z.object({ email: z.string().min(1), password: z.string().min(1) });

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        const result = await verifySignIn(db(), parsed.data.email, parsed.data.password);
        // NextAuth passes a thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
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
      return session;
    },
  },
};
