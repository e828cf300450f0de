import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { RevisionDiff } from '@/components/revisions/revision-diff';
import { db } from '@/server/platform/db';
import { orNotFound } from '@/server/platform/pages';
import { getUser, requirePageUser } from '@/server/platform/session';
import { compareRevisions } from '@/server/queries/revisions';
import ui from '@/components/ui/ui.module.css';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const Query = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await params;
  if (!(await getUser())) return { title: 'Sign in' };
  const query = Query.safeParse(await searchParams);
  return {
    title: query.success ? `Revision ${query.data.from} → ${query.data.to}` : 'Compare revisions',
  };
}

/** Two revisions of an article compared word by word, with the highlights they affected. */
export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageUser(`/articles/${id}/revisions`);
  const query = Query.safeParse(await searchParams);
  if (!query.success) notFound();
  const comparison = await orNotFound(compareRevisions(db(), id, query.data.from, query.data.to));
  const { article, from, to } = comparison;
  return (
    <article className={ui.panel}>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link> ·{' '}
        <Link href={`/articles/${id}/revisions`}>All revisions</Link>
      </p>
      <h1>
        {article.title}: revision {from.number} → {to.number}
      </h1>
      <p className={ui.articleMeta}>
        Revision {to.number} by {to.author.name}. Words inserted are underlined in green, words
        deleted struck through in red.
      </p>
      <RevisionDiff comparison={comparison} />
    </article>
  );
}
