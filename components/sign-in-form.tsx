'use client';

import { useState, type FormEvent } from 'react';
import ui from '@/components/ui/ui.module.css';

const WRONG = 'Wrong email or password.';

/**
 * Posts the form to NextAuth's credentials callback itself (rather than through next-auth/react)
 * so it can show every answer: NextAuth's own error (wrong password, disabled account), 429 with
 * the wait, 400 for a malformed email, 503 when the database is down.
 */
async function signInRequest(email: string, password: string): Promise<string | null> {
  const csrf = await fetch('/api/auth/csrf');
  if (!csrf.ok) return errorMessage(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  // NextAuth answers a checked attempt with {url} (401 when refused, the reason in `error`);
  // our own guards answer 400/403/429/503 with the usual error body.
  const body = (await response.json().catch(() => null)) as {
    url?: string;
    error?: { message?: string };
  } | null;
  if (body?.url) {
    const error = new URL(body.url, window.location.href).searchParams.get('error');
    if (error === null && response.ok) return null;
    return !error || error === 'CredentialsSignin' ? WRONG : error;
  }
  return body?.error?.message ?? 'Sign-in is not possible right now. Try again in a minute.';
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // fall through
  }
  return 'Sign-in is not possible right now. Try again in a minute.';
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    let problem: string | null;
    try {
      problem = await signInRequest(
        String(form.get('email') ?? ''),
        String(form.get('password') ?? ''),
      );
    } catch {
      problem = 'The server could not be reached. Check the connection and try again.';
    }
    setPending(false);
    if (problem) {
      setError(problem);
      return;
    }
    // A full page load, so the server renders every part of the page (header included) signed in.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className={`${ui.alert} ${ui.error}`}>
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
