import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CompareView } from '@/components/compare/compare-view';
import { ComparePicker } from '@/components/compare/compare-picker';
import { canAnnotate } from '@/lib/permissions';
import { db } from '@/server/platform/db';
import { orNotFound } from '@/server/platform/pages';
import { requirePageUser } from '@/server/platform/session';
import { listCompareChoices, loadComparison } from '@/server/queries/compare';

export const metadata: Metadata = { title: 'Compare reports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const querySchema = z.object({
  a: z.string().min(1).max(64).optional().catch(undefined),
  b: z.string().min(1).max(64).optional().catch(undefined),
});

/**
 * Two articles side by side, aligned statement by statement; or the pickers to choose them.
 * Inside the layout's <main>: a second main landmark would leave "go to main" two places.
 */
export default async function ComparePage({ searchParams }: Props) {
  const { a, b } = querySchema.parse(await searchParams);
  const query = new URLSearchParams(
    Object.entries({ a, b }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const user = await requirePageUser(`/compare${query.size ? `?${query}` : ''}`);
  if (!a || !b || a === b) {
    const choices = await listCompareChoices(db(), a);
    return (
      <div className="compare-page">
        <h1>Compare reports</h1>
        <ComparePicker articles={choices.articles} suggestions={choices.suggestions} a={a} b={b} />
      </div>
    );
  }
  const loaded = await orNotFound(loadComparison(db(), a, b));
  return (
    <div className="compare-page">
      <h1>Compare reports</h1>
      <p>
        <Link href={`/compare?a=${encodeURIComponent(a)}`}>Choose other articles</Link>
      </p>
      <CompareView
        a={{ id: loaded.a.id, title: loaded.a.title, revisionId: loaded.a.revisionId }}
        b={{ id: loaded.b.id, title: loaded.b.title, revisionId: loaded.b.revisionId }}
        view={loaded.view}
        english={loaded.english}
        claims={loaded.claimTexts}
        canAnnotate={canAnnotate(user.role)}
      />
    </div>
  );
}
