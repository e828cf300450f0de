/** Helpers for server-rendered pages. */
import { notFound } from 'next/navigation';
import { AppError } from './errors';

/** Awaits a loader and turns its 404 AppError into Next's not-found page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
