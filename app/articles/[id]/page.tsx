import type { Metadata } from 'next';
import { cache } from 'react';
import { isHttpAddress } from '@/lib/articles';
import { formatDate } from '@/lib/format';
import Link from 'next/link';
import { ArticleDetailsForm } from '@/components/article/article-details-form';
import { ArticleSourceWatch, StartSourceWatch } from '@/components/evidence/article-source-watch';
import { ExportMenu } from '@/components/export/export-menu';
import { ArticleWorkspace } from '@/components/editor/article-workspace';
import { RevisionList } from '@/components/revisions/revision-list';
import { packWorkspace } from '@/lib/api/packed-workspace';
import type { WorkspaceDataDTO } from '@/lib/api/types';
import { toWire } from '@/lib/api/wire';
import { getArticleOrThrow } from '@/server/articles';
import { getArticleWatchView } from '@/server/evidence/article-watch';
import { canAnnotate } from '@/lib/permissions';
import { getArticleWorkspace } from '@/server/queries/article-annotations';
import { db } from '@/server/platform/db';
import { orNotFound } from '@/server/platform/pages';
import { getUser, requirePageUser } from '@/server/platform/session';
import { listRevisions } from '@/server/queries/revisions';
import ui from '@/components/ui/ui.module.css';

type Props = { params: Promise<{ id: string }> };

/** Loaded once per request, shared by the metadata and the page. */
const loadArticle = cache((id: string) => orNotFound(getArticleOrThrow(db(), id)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  // Nothing about an article is told to someone signed out, not even its title.
  if (!(await getUser())) return { title: 'Sign in' };
  return { title: (await loadArticle(id)).title };
}

/** One article: its text with the claim highlights and the claims panel. */
export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/articles/${id}`);
  // The page's four reads are independent: asked at once, the page waits for the slowest (the
  // workspace) rather than for their sum.
  const [article, workspace, revisions, watch] = await orNotFound(
    Promise.all([
      loadArticle(id),
      getArticleWorkspace(db(), id),
      listRevisions(db(), id),
      getArticleWatchView(db(), id),
    ]),
  );
  // Claims as the list shows them (the panel loads a full claim on open), dates as ISO
  // strings, checked against the shared type, then packed for the page's payload.
  const annotations: WorkspaceDataDTO = toWire(workspace);
  return (
    <article className="article-page">
      <header className={ui.articleHeader}>
        <h1>{article.title}</h1>
        <p className={ui.articleMeta}>
          {[
            article.sourceName,
            article.byline && `By ${article.byline}`,
            formatDate(article.publishedAt),
          ]
            .filter(Boolean)
            .map((part) => `${part} · `)
            .join('')}
          <Link href={`/articles/${id}/original`}>View original</Link>
          {' · '}
          <Link href={`/compare?a=${encodeURIComponent(id)}`}>Compare with…</Link>
        </p>
        <ExportMenu articleId={id} />
        <ArticleDetailsForm
          articleId={id}
          initial={{
            title: article.title,
            byline: article.byline,
            sourceName: article.sourceName,
            sourceUrl: article.sourceUrl,
            publishedAt: article.publishedAt?.toISOString().slice(0, 10) ?? null,
          }}
        />
        {watch ? (
          <ArticleSourceWatch articleId={id} watch={watch} canEdit={canAnnotate(user.role)} />
        ) : (
          article.sourceUrl &&
          isHttpAddress(article.sourceUrl) &&
          canAnnotate(user.role) && <StartSourceWatch articleId={id} url={article.sourceUrl} />
        )}
      </header>
      <ArticleWorkspace
        key={annotations.revision.id}
        articleId={id}
        initial={packWorkspace(annotations)}
        user={{ id: user.id, name: user.name, role: user.role }}
      />
      <section className={ui.panel} aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        <RevisionList articleId={id} revisions={revisions} />
      </section>
    </article>
  );
}
