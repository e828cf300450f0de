import { handleOtherMethods, route } from '@/server/platform/api';
import { db } from '@/server/platform/db';
import { RETRY_AFTER_SECONDS } from '@/server/platform/errors';

export const dynamic = 'force-dynamic';

/** 200 when the database answers, 503 when it does not (for load balancers and monitors). */
export const GET = route(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok', database: 'up' });
  } catch (error) {
    console.error(
      '[factmark] health check: database unreachable:',
      error instanceof Error ? error.message : error,
    );
    return Response.json(
      {
        status: 'unavailable',
        database: 'down',
        error: { code: 'service_unavailable', message: 'The database is not reachable.' },
      },
      { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = handleOtherMethods('GET');
