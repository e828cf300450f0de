import { z } from 'zod';
import { dateBoundSchema } from '@/lib/date-schemas';
import { REVIEW_STATES, VERDICTS } from '@/lib/domain';
import {
  contentDisposition,
  exportFileName,
  toClaimReviewJsonLd,
  toClaimsJson,
  toCsv,
  toReadableStream,
  type ClaimFilter,
  type ExportKind,
} from '@/lib/export';
import { AppError } from '@/server/platform/errors';
import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { exportConfig, streamExportClaimBatches } from '@/server/export';
import { requireUser } from '@/server/platform/session';

/** Enum values are accepted in any letter case (`state=all`, `verdict=false`). */
const upper = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), schema);

const id = z.string().trim().min(1).max(64);

const querySchema = z
  .object({
    format: z.enum(['csv', 'json', 'claimreview']),
    state: upper(z.enum([...REVIEW_STATES, 'ALL'])).default('APPROVED'),
    verdict: upper(z.enum(VERDICTS)).optional(),
    article: id.optional(),
    author: id.optional(),
    reviewer: id.optional(),
    from: dateBoundSchema(false).optional(),
    to: dateBoundSchema(true).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from < query.to, {
    message: '`from` must be before `to`.',
    path: ['to'],
  });

type Format = z.infer<typeof querySchema>['format'];

const FORMATS: Record<Format, { kind: ExportKind; ext: string; contentType: string }> = {
  csv: { kind: 'claims', ext: 'csv', contentType: 'text/csv; charset=utf-8' },
  json: { kind: 'claims', ext: 'json', contentType: 'application/json; charset=utf-8' },
  claimreview: { kind: 'claim-review', ext: 'jsonld', contentType: 'application/ld+json' },
};

/**
 * The claims matching the filters (default: approved ones), streamed as CSV, JSON or schema.org
 * ClaimReview JSON-LD; read from the database in batches while the response is written.
 */
export const GET = route(async (request) => {
  await requireUser();
  const params = new URL(request.url).searchParams;
  for (const [key] of params) {
    if (params.getAll(key).length > 1) {
      throw new AppError('bad_request', `The query parameter \`${key}\` is given more than once.`);
    }
  }
  const { format, q, ...filters } = querySchema.parse(Object.fromEntries(params));
  // Only approved claims are published; any other state is exported labelled as such.
  const filter: ClaimFilter = filters.state === 'APPROVED' ? 'approved' : 'all';
  const claims = streamExportClaimBatches(db(), { ...filters, q: q || undefined });
  const chunks =
    format === 'csv'
      ? toCsv(claims, { filter })
      : format === 'json'
        ? toClaimsJson(claims, { filter })
        : toClaimReviewJsonLd(claims, exportConfig(request), { filter });
  const spec = FORMATS[format];
  const fileName = exportFileName({ kind: spec.kind, filter, date: new Date(), ext: spec.ext });
  return new Response(toReadableStream(chunks), {
    status: 200,
    headers: {
      'Content-Type': spec.contentType,
      'Content-Disposition': contentDisposition(fileName),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
