import { z } from 'zod';
import {
  ANNOTATED_HTML_CSP,
  WEB_ANNOTATION_MEDIA_TYPE,
  contentDisposition,
  exportFileName,
  toAnnotatedHtml,
  toAnnotatedJson,
  toAnnotatedMarkdown,
  toWebAnnotationJsonLd,
  type AnnotatedArticle,
  type ClaimFilter,
  type ExportConfig,
  type ExportKind,
} from '@/lib/export';
import { handleOtherMethods, parseParams, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { exportConfig, getAnnotatedArticle } from '@/server/export';
import { requireUser } from '@/server/platform/session';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

const querySchema = z.object({
  format: z.enum(['html', 'md', 'json', 'w3c']),
  scope: z.enum(['approved', 'all']).default('approved'),
});

type Format = z.infer<typeof querySchema>['format'];

const FORMATS: Record<
  Format,
  {
    kind: ExportKind;
    ext: string;
    contentType: string;
    render: (input: AnnotatedArticle, config: ExportConfig, filter: ClaimFilter) => string;
  }
> = {
  html: {
    kind: 'annotated',
    ext: 'html',
    contentType: 'text/html; charset=utf-8',
    render: (input, config, filter) => toAnnotatedHtml(input, config, { filter }),
  },
  md: {
    kind: 'annotated',
    ext: 'md',
    contentType: 'text/markdown; charset=utf-8',
    render: (input, config, filter) => toAnnotatedMarkdown(input, config, { filter }),
  },
  json: {
    kind: 'annotated',
    ext: 'json',
    contentType: 'application/json; charset=utf-8',
    render: (input, config, filter) => toAnnotatedJson(input, config, { filter }),
  },
  w3c: {
    kind: 'web-annotations',
    ext: 'jsonld',
    contentType: WEB_ANNOTATION_MEDIA_TYPE,
    render: (input, config, filter) => toWebAnnotationJsonLd(input, config, { filter }),
  },
};

/**
 * The article's current revision with its highlights, as a download: annotated HTML, Markdown,
 * JSON or W3C Web Annotation JSON-LD; `scope=approved` (default) or `all` claims.
 */
export const GET = route(async (request, { params }: { params: Promise<unknown> }) => {
  await requireUser();
  const { id } = await parseParams(params, paramsSchema);
  const { format, scope } = querySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const input = await getAnnotatedArticle(db(), id);
  const spec = FORMATS[format];
  const body = spec.render(input, exportConfig(request), scope);
  const fileName = exportFileName({
    kind: spec.kind,
    articleTitle: input.article.title,
    filter: scope,
    date: new Date(),
    ext: spec.ext,
  });
  const headers = new Headers({
    'Content-Type': spec.contentType,
    'Content-Disposition': contentDisposition(fileName),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (format === 'html') headers.set('Content-Security-Policy', ANNOTATED_HTML_CSP);
  return new Response(body, { status: 200, headers });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
