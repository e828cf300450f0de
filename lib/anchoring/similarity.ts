/**
 * Similarity of two short strings, used to compare a stored prefix or suffix with the text next
 * to a candidate match.
 *
 * Why not `approx-string-match` here, as Hypothesis does: its setup (a 256-entry table and a Map
 * per call, then a second reversed search to find the start) costs about 60 µs per call for
 * 32-character strings. Scoring compares two contexts per candidate and a re-anchoring run scores
 * thousands of candidates, so this module computes the plain edit distance itself: bit-parallel
 * (Myers 1999, as in Hyyrö's formulation for global distance) when one string fits a 32-bit word,
 * which every default context does, at well under a microsecond; a row-by-row table otherwise.
 * The fuzzy *search* over the text stays with the library.
 */

/** Characters below this code get a slot in the lookup table; others go through a Map. */
const TABLE_SIZE = 256;

// Scratch table for the bit-parallel distance: bit i of entry c is set when the pattern's
// character i is c. Cleared after every call, so calls never see each other's state.
const patternMasks = new Uint32Array(TABLE_SIZE);

/**
 * Returns `1 - distance / longerLength` in [0, 1], where `distance` is the Levenshtein edit
 * distance (insertions, deletions and substitutions of UTF-16 code units). Two empty strings are
 * identical (1); an empty and a non-empty string share nothing (0).
 */
export function measureSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return 1 - computeEditDistance(a, b) / Math.max(a.length, b.length);
}

/** Levenshtein distance between `a` and `b`, in UTF-16 code units. */
export function computeEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (a.length <= 32) return computeBitParallel(a, b);
  if (b.length <= 32) return computeBitParallel(b, a);
  return computeByTable(a, b);
}

/**
 * Myers' bit-vector algorithm: the column of the edit-distance table for `pattern` (at most 32
 * code units) is kept as vertical delta bits, advanced one character of `text` at a time.
 */
function computeBitParallel(pattern: string, text: string): number {
  // Most contexts are ASCII: the Map for other characters is only built when one occurs.
  let others: Map<number, number> | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < TABLE_SIZE) {
      patternMasks[code]! |= 1 << i;
    } else {
      others ??= new Map();
      others.set(code, (others.get(code) ?? 0) | (1 << i));
    }
  }

  const last = 1 << (pattern.length - 1);
  let positive = -1; // Vertical deltas of +1, as bits.
  let negative = 0; // Vertical deltas of -1, as bits.
  let distance = pattern.length;
  for (let j = 0; j < text.length; j++) {
    const code = text.charCodeAt(j);
    let equal = code < TABLE_SIZE ? patternMasks[code]! : (others?.get(code) ?? 0);
    const crossing = equal | negative;
    equal |= ((equal & positive) + positive) ^ positive;
    negative |= ~(equal | positive);
    positive &= equal;
    if (negative & last) distance++;
    if (positive & last) distance--;
    negative = (negative << 1) | 1;
    positive = (positive << 1) | ~(crossing | negative);
    negative &= crossing;
  }

  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < TABLE_SIZE) patternMasks[code] = 0;
  }
  return distance;
}

/** The classic dynamic program, one row kept; for strings both longer than a word. */
function computeByTable(a: string, b: string): number {
  const row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    // `diagonal` holds the cell up and to the left of the one being computed.
    let diagonal = i - 1;
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = up;
    }
  }
  return row[b.length]!;
}
