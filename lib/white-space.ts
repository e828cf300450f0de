/**
 * White space as JavaScript's `\s` and `String.prototype.trim` read it (the same set), one
 * UTF-16 code unit at a time: for scanning text (the import's count over every text node of a
 * page, the anchoring's word boundaries) without a regular expression or a trimmed string.
 */

/** Whether a UTF-16 code unit is white space for `\s` and `trim`. */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text.trim().length`, without the trimmed string. */
export function trimmedLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end - start;
}
