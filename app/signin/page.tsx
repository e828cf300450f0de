import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { getUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Sign in' };

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getUser()) redirect(callbackUrl);
  return (
    <div className={`${ui.signin} ${ui.panel}`}>
      <h1>Sign in to Factmark</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
