/**
 * Which stored copy may stand for an evidence address. A reviewer approves on the quote "in the
 * stored copy" of the cited address, so a copy fetched from any other page (one its author
 * wrote, say) must not pass for it: a fetched copy backs only the address it was fetched from
 * (as asked, or where that redirected). A file the user uploaded (their copy of a paywalled
 * report, a PDF) may back any address; the reviewer is shown it is an upload.
 */

/** A stored copy as this rule reads it: what it is and where it came from. */
export interface CopyOrigin {
  kind: 'FETCH' | 'UPLOAD';
  /** The address finally fetched (after redirects), or the uploaded file's name. */
  url: string;
  /** The address that was asked for (its source's), or null. */
  sourceUrl: string | null;
}

/**
 * True when `copy` may be cited as the stored copy of `address`: an upload, or a page fetched
 * from that address (compared as parsed URLs, without their fragments).
 */
export function copyMatchesAddress(copy: CopyOrigin, address: string): boolean {
  if (copy.kind === 'UPLOAD') return true;
  const wanted = comparable(address);
  if (wanted === null) return false;
  return [copy.url, copy.sourceUrl].some((url) => url !== null && comparable(url) === wanted);
}

/** The address parsed and re-serialised without its fragment, or null when it is no URL. */
function comparable(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}
