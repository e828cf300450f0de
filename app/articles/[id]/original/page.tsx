import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { db } from '@/server/platform/db';
import { orNotFound } from '@/server/platform/pages';
import { getArticleOriginalOrThrow } from '@/server/import/original';
import { getUser, requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';
import importStyles from '@/components/import/import.module.css';

type Props = { params: Promise<{ id: string }> };

const loadOriginal = cache((id: string) => orNotFound(getArticleOriginalOrThrow(db(), id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getUser())) return { title: 'Sign in' };
  return { title: `Original of ${(await loadOriginal(id)).title}` };
}

/**
 * "View original": the input an article was imported from, exactly as it arrived (pasted text,
 * HTML source, a .docx file's text), shown as plain text, never rendered.
 */
export default async function OriginalPage({ params }: Props) {
  const { id } = await params;
  await requirePageUser(`/articles/${id}/original`);
  const article = await loadOriginal(id);
  return (
    <article className={ui.panel}>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>Original input</h1>
      <p className={ui.articleMeta}>
        {article.title}: the input exactly as it was imported, shown as plain text.
        {article.sourceUrl && (
          <>
            {' '}
            Source: <span className={importStyles.originalUrl}>{article.sourceUrl}</span>
          </>
        )}
      </p>
      {article.rawInput ? (
        <pre className={importStyles.originalText} aria-label="Original input">
          {article.rawInput}
        </pre>
      ) : (
        <p className={ui.muted}>No original input was kept for this article.</p>
      )}
    </article>
  );
}
