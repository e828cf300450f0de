/**
 * Any address under /api that no route answers: 404 with the JSON error body every API client
 * reads (Next.js would answer its HTML not-found page). Every other route is more specific and
 * wins over this one, NextAuth's included. OPTIONS too: Next.js would list every method here.
 */
import { route } from '@/server/platform/api';
import { AppError } from '@/server/platform/errors';

const noSuchRoute = route(async () => {
  throw new AppError('not_found', 'There is no API route at this address.');
});

export {
  noSuchRoute as GET,
  noSuchRoute as POST,
  noSuchRoute as PUT,
  noSuchRoute as PATCH,
  noSuchRoute as DELETE,
  noSuchRoute as OPTIONS,
};
