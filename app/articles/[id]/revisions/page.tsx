import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { RevisionList } from '@/components/revisions/revision-list';
import { getArticleOrThrow } from '@/server/articles';
import { db } from '@/server/platform/db';
import { orNotFound } from '@/server/platform/pages';
import { getUser, requirePageUser } from '@/server/platform/session';
import { listRevisions } from '@/server/queries/revisions';
import ui from '@/components/ui/ui.module.css';

type Props = { params: Promise<{ id: string }> };

const loadArticle = cache((id: string) => orNotFound(getArticleOrThrow(db(), id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getUser())) return { title: 'Sign in' };
  return { title: `Revisions of ${(await loadArticle(id)).title}` };
}

/** An article's revisions: who saved each, when, and what it did to the highlights. */
export default async function RevisionsPage({ params }: Props) {
  const { id } = await params;
  await requirePageUser(`/articles/${id}/revisions`);
  const article = await loadArticle(id);
  const revisions = await orNotFound(listRevisions(db(), id));
  return (
    <article className={ui.panel}>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>Revisions of {article.title}</h1>
      <RevisionList articleId={id} revisions={revisions} />
    </article>
  );
}
