/**
 * Where to send a user after signing in: a path of the app (`callbackUrl`), never another site.
 * Browsers read more than "//host" as another host: "\" counts as "/" and tabs and line breaks
 * are dropped before a URL is parsed ("/\evil.example", "/\t/evil.example"), so the value is
 * parsed as a browser would and only its path, query and fragment are kept.
 */

/** Stands for the app's own origin while parsing; never shown. */
const OWN_ORIGIN = 'http://factmark.invalid';

/**
 * The path, query and fragment of `value` as a browser resolves it against the app, or "/" when
 * it is missing, not a path, or names another host in any spelling.
 */
export function safeRedirectPath(value: string | undefined): string {
  if (!value || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which is another host again.
  return path.startsWith('//') ? '/' : path;
}
