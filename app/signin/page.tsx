import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { safeRedirectPath } from '@/lib/redirect-path';
import { getUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only the app's own paths are followed after sign-in (no open redirect).
  const value = params.callbackUrl;
  const callbackUrl = safeRedirectPath(Array.isArray(value) ? value[0] : value);
  if (await getUser()) redirect(callbackUrl);
  return (
    <div className={`${ui.signin} ${ui.panel}`}>
      <h1>Sign in to Factmark</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
