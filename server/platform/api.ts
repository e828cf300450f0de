/** Small helpers every route handler under app/api uses. */
import type { z } from 'zod';
import { AppError, errorResponse } from './errors';

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/** Wraps a route handler so every thrown error goes through the one error mapper. */
export function route<Ctx = unknown>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses the JSON body with `schema`; throws 400 invalid_json or validation_failed. */
export async function parseBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError('invalid_json', 'The request body must be valid JSON.');
  }
  return schema.parse(raw);
}

/** Parses route params (already awaited) with `schema`. */
export async function parseParams<S extends z.ZodType>(
  params: Promise<unknown>,
  schema: S,
): Promise<z.infer<S>> {
  return schema.parse(await params);
}
