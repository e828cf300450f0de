/**
 * Small string helpers shared by the import cleaner: whitespace collapsing, word tokens,
 * sentence-end tests, casing and a fast non-cryptographic hash. All pure and Unicode-aware;
 * punctuation (curly quotes, dashes) is never rewritten.
 */

/**
 * English function words (articles, prepositions, pronouns, auxiliaries, conjunctions). Prose
 * is full of them in lower case; menus and headline lists are not, which makes their lower-case
 * share one of the strongest "is this a sentence" features.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with without into onto over under about after before ' +
    'during between among through against than as since until upon via per within toward towards ' +
    'and or but nor so yet if because while although though whether that which who whom whose ' +
    'what when where why how this these those it its it’s their they them he she his her him we ' +
    'our us you your i me my is are was were be been being am has have had do does did will ' +
    'would shall should can could may might must not no also only just more most some any all ' +
    'each both other such there here then very too up out'
  ).split(' '),
);

/**
 * Collapses every run of whitespace (spaces, tabs, line breaks, no-break and other Unicode
 * spaces) to one ordinary space and trims. Ordinary spaces make quotes typed by a fact-checker
 * match the text; the no-break spaces of web pages are layout ("it.&nbsp; Participants"), not
 * content. Zero-width spaces, BOMs and soft hyphens are dropped.
 */
export function collapseWhitespace(text: string): string {
  // Fast path: only single ordinary spaces inside (most prose).
  if (!/\s\s|[^\S ]|[\u200b\ufeff\u00ad]/.test(text)) return text.trim();
  return text
    .replace(/[\u200b\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whitespace-separated tokens that contain at least one letter or digit. */
export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) words.push(token);
  }
  return words;
}

/**
 * Ends with ., !, ? or … (or the full-width 。！？ of Chinese and Japanese) optionally followed by
 * closing quotes or brackets.
 */
export function endsWithTerminalPunctuation(text: string): boolean {
  return /[.!?…。！？｡]["'”’»)\]」』）]*$/u.test(text.trimEnd());
}

/** The first letter is lower case, with only punctuation before it ("“we" yes, "2 we" no). */
export function startsWithLowercase(text: string): boolean {
  const first = /\p{L}/u.exec(text);
  if (!first) return false;

  if (/[\p{N}]/u.test(text.slice(0, first.index))) return false;
  return /\p{Ll}/u.test(first[0]);
}

/** FNV-1a 32-bit hash of the string's UTF-16 code units. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const LOWERCASE_NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  'in',
  'on',
  'at',
  'for',
  'de',
  'van',
  'von',
  'der',
  'la',
  'le',
  'da',
  'del',
]);

/**
 * Turns an ALL-CAPS name into proper case: "MALIKA ORAZGALIYEVA" -> "Malika Orazgaliyeva",
 * "THE ASTANA TIMES" -> "The Astana Times", "O'BRIEN" -> "O'Brien". Text that already has lower
 * case letters is returned unchanged. Words without vowels (MFA, BBC, CNN) and single words of
 * up to four letters stay upper case: they are most likely acronyms.
 */
export function toProperCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  const words = text.split(/(\s+)/);
  const wordCount = words.filter((w) => /\p{L}/u.test(w)).length;
  let seen = 0;
  return words
    .map((word) => {
      if (!/\p{L}/u.test(word)) return word;
      const isFirst = seen === 0;
      seen++;
      const letters = word.replace(/[^\p{L}]/gu, '');
      if (!/[AEIOUYÀ-ÖØ-Ý]/u.test(letters)) return word;
      if (wordCount === 1 && letters.length <= 4) return word;
      const lower = word.toLowerCase();
      if (!isFirst && LOWERCASE_NAME_PARTICLES.has(lower)) return lower;
      return lower.replace(/(^|[-'’\s])(\p{Ll})/gu, (_m, before: string, letter: string) => {
        return before + letter.toUpperCase();
      });
    })
    .join('');
}

/** Character classes of `charClass`. */
export const NONE = 0;
export const UPPER = 1;
export const LOWER = 2;
export const OTHER_LETTER = 3;
export const DIGIT = 4;
const classCache = new Map<number, number>();

/**
 * Class of one UTF-16 code unit: UPPER, LOWER, OTHER_LETTER (letters without case), DIGIT or
 * NONE. ASCII is decided by code, anything else by Unicode property (cached: a page's alphabet
 * is small). Astral characters (surrogates) are NONE.
 */
export function charClass(code: number): number {
  if (code < 128) {
    if (code >= 97 && code <= 122) return LOWER;
    if (code >= 65 && code <= 90) return UPPER;
    if (code >= 48 && code <= 57) return DIGIT;
    return NONE;
  }
  let cls = classCache.get(code);
  if (cls === undefined) {
    const ch = String.fromCharCode(code);
    cls = /\p{Lu}/u.test(ch)
      ? UPPER
      : /\p{Ll}/u.test(ch)
        ? LOWER
        : /\p{L}/u.test(ch)
          ? OTHER_LETTER
          : /\p{N}/u.test(ch)
            ? DIGIT
            : NONE;
    classCache.set(code, cls);
  }
  return cls;
}

// Ligatures, full-width forms and enclosed numbers need compatibility normalisation ("ﬁ" ->
// "fi"); other text is compared as is, which saves a full normalisation pass.
const COMPATIBILITY_FORMS = /[\ufb00-\ufb4f\uff00-\uffef\u2460-\u24ff]/;

/** Lower-case words (runs of letters and digits) of the text, for comparisons. */
export function comparableWords(text: string): string[] {
  const source = COMPATIBILITY_FORMS.test(text) ? text.normalize('NFKC') : text;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= source.length; i++) {
    const word = i < source.length && charClass(source.charCodeAt(i)) !== NONE;
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(source.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return words;
}
