import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatDate } from '@/lib/format';
import { splitParagraphs } from '@/lib/text';
import { getArticleOrThrow } from '@/server/articles';
import { db } from '@/server/db';
import { AppError } from '@/server/errors';
import { getUser, requirePageUser } from '@/server/session';

type Props = { params: Promise<{ id: string }> };

/** Loaded once per request, shared by the metadata and the page. */
const loadArticle = cache(async (id: string) => {
  try {
    return await getArticleOrThrow(db(), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  // Nothing about an article is told to someone signed out, not even its title.
  if (!(await getUser())) return { title: 'Sign in' };
  return { title: (await loadArticle(id)).title };
}

/** One article's current text as readable paragraphs (the annotation editor comes later). */
export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  await requirePageUser(`/articles/${id}`);
  const article = await loadArticle(id);
  const paragraphs = splitParagraphs(article.revision.text);
  return (
    <article className="panel">
      <h1>{article.title}</h1>
      <p className="article-meta">
        {[
          article.sourceName,
          article.byline && `By ${article.byline}`,
          formatDate(article.publishedAt),
        ]
          .filter(Boolean)
          .join(' · ')}
        {' · '}Revision {article.revision.number}
      </p>
      <div className="article-text">
        {paragraphs.map((paragraph) => (
          <p key={paragraph.start}>{paragraph.text}</p>
        ))}
      </div>
    </article>
  );
}
