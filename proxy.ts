/**
 * Sends signed-out visitors of any page to the sign-in page. This only redirects: every page
 * and route handler checks the session itself (API routes answer 401 with JSON).
 */
import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL('/signin', request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/') signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except the sign-in page, the API (answers 401 itself) and static assets.
  matcher: ['/((?!signin|api/|_next/|favicon.ico|robots.txt).*)'],
};
