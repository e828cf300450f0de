import { z } from 'zod';
import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { requireUser } from '@/server/platform/session';
import { loadComparison } from '@/server/queries/compare';
import { toComparisonJson } from '@/lib/compare/report-json';
import { toComparisonHtml } from '@/lib/compare/report-html';
import { contentDisposition, slugify } from '@/lib/export/file-name';

const querySchema = z.object({
  a: z.string().min(1).max(64),
  b: z.string().min(1).max(64),
  format: z.enum(['json', 'html']).default('json'),
  download: z.enum(['0', '1']).default('0'),
});

/**
 * The comparison of articles `a` and `b` (current revisions): JSON (`{articles, pairs, onlyA,
 * onlyB}`, offsets into each article's text) or a self-contained HTML report.
 */
export const GET = route(async (request) => {
  await requireUser();
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const loaded = await loadComparison(db(), query.a, query.b);
  const base = `comparison-${slugify(loaded.a.title, 40) || 'a'}-${slugify(loaded.b.title, 40) || 'b'}`;
  const disposition = (ext: string): Record<string, string> =>
    query.download === '1' ? { 'content-disposition': contentDisposition(`${base}.${ext}`) } : {};
  if (query.format === 'html') {
    const html = toComparisonHtml(loaded.view, {
      titleA: loaded.a.title,
      titleB: loaded.b.title,
      generatedAt: new Date().toISOString(),
    });
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', ...disposition('html') },
    });
  }
  const side = (x: typeof loaded.a) => ({ id: x.id, title: x.title, revisionId: x.revisionId });
  return Response.json(
    { articles: { a: side(loaded.a), b: side(loaded.b) }, ...toComparisonJson(loaded.comparison) },
    { headers: disposition('json') },
  );
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
