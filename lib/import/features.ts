/**
 * Measurable features of a block: sentence shape (terminal punctuation, length, lower-case
 * function words), casing (title case, all caps), link density, layout separators, and the
 * weak lexical cues of `cues.ts`. `extractFeatures` is pure so every feature can be unit-tested;
 * the classifier turns them into scores with named weights.
 */
import { CUE_FAMILIES, scoreCues, type CueFamily } from './cues';
import { GERMAN_ONLY_FUNCTION_WORDS, PROSE_FUNCTION_WORDS } from './function-words';
import {
  charClass,
  DIGIT,
  endsWithTerminalPunctuation,
  LOWER,
  NONE,
  startsWithLowercase,
  UPPER,
} from './text-utils';
import type { Landmark } from './types';

/** Features of one block of text. Ratios are in [0, 1]. */
export interface BlockFeatures {
  chars: number;
  /** Tokens that contain a letter or digit. */
  words: number;
  /** Rough sentence count: sentence ends followed by a capital, plus one. */
  sentences: number;
  endsWithTerminal: boolean;
  startsLowercase: boolean;
  /**
   * Share of capitalised words, ignoring the first word (capitalised in any sentence) and
   * lower-case function words (lower case in titles too). ~0-0.3 for prose, ~1 for headlines.
   */
  titleCaseRatio: number;
  /**
   * The block reads as German (lower-case German function words): its nouns are capitalised,
   * so its title-case ratio says little.
   */
  capitalisesNouns: boolean;
  /** Share of words of 2+ letters written in capitals only. */
  allCapsRatio: number;
  /** Share of words that are lower-case function words ("of", "the"): ~0.3-0.5 for prose. */
  functionWordRatio: number;
  /** Link text characters / all characters. */
  linkDensity: number;
  linkCount: number;
  /** Stand-alone separator tokens: | · • › » / > and the like. */
  separators: number;
  /** Layout gaps (runs of spaces inside the line). */
  gaps: number;
  /** The whole block was bold/italic (calls to action often are). */
  emphasized: boolean;
  landmark: Landmark | null;
  /** Cue evidence per family (see cues.ts). */
  cues: Record<CueFamily, number>;
}

/** What `extractFeatures` needs: the plain text plus optional markup measurements. */
export interface FeatureInput {
  text: string;
  linkChars?: number;
  linkCount?: number;
  gapCount?: number;
  emphasized?: boolean;
  landmark?: Landmark | null;
}

/**
 * A sentence ends and another starts: after ., ! or ? a space and a capital or digit; after
 * the full-width 。！？ of Chinese and Japanese, any text (they write no space between).
 */
const SENTENCE_BREAK =
  /[.!?…]["'”’»)\]]*\s+(?=["'“‘«(\[]?[\p{Lu}\p{N}])|[。！？｡]["'”’»)\]」』）]*(?=\s*[^\s"'”’»)\]」』）])/gu;

/**
 * Chinese and Japanese write no spaces between words: their ideographs and kana count as a
 * word per this many characters (a word of either is one to three characters, about two on
 * average), so a paragraph weighs what it would in a spaced language instead of one word.
 */
export const CJK_CHARS_PER_WORD = 2;

/**
 * The particles and pronouns Chinese and Japanese prose is full of (的 了 是 在, の は が を): each
 * counts as a function word, as "of"/"the" do in spaced languages; menus of nouns have few.
 */
const CJK_FUNCTION_CHARS = new Set(
  [
    ...'的了是在和也就都而与及之这那其把被对从但并或我他她它们着过个不有为以于所の は が を に で と も へ や',
  ].filter((c) => c !== ' '),
);

/** Kana and CJK ideographs (the BMP blocks: extensions beyond it are rare in news text). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** German-only function words a block needs to read as German: two, and a tenth of its words. */
export const MIN_GERMAN_WORDS = 2;
export const MIN_GERMAN_SHARE = 0.1;

/** Options of `extractFeatures`. */
export interface FeatureOptions {
  /** Scan for lexical cues (default true); when false `cues` are all zero. */
  cues?: boolean;
}

/** All-zero cue scores (one shared frozen object). */
export function noCues(): Record<CueFamily, number> {
  return NO_CUES;
}

const NO_CUES: Readonly<Record<CueFamily, number>> = Object.freeze(
  Object.fromEntries(CUE_FAMILIES.map((f) => [f, 0])) as Record<CueFamily, number>,
);

/** Share of function words from which a line with dashes reads as a sentence, not a menu. */
export const DASHED_PROSE_FUNCTION_WORDS = 0.2;

const SEPARATORS = new Set([
  '|',
  '·',
  '•',
  '›',
  '»',
  '‹',
  '«',
  '>',
  '/',
  '⁄',
  '◦',
  '▪',
  '∙',
  '⋅',
  '::',
]);

/** Extracts the features of a block (or of a bare string). */
export function extractFeatures(
  input: FeatureInput | string,
  options: FeatureOptions = {},
): BlockFeatures {
  const block: FeatureInput = typeof input === 'string' ? { text: input } : input;
  return withMarkup(textFeatures(block.text), block, options);
}

/**
 * `extractFeatures` of each block, in order (each its own object). A page repeats texts (a
 * menu's items in header and footer, "Reply" under every comment: a few hundred distinct
 * texts among 7,000 blocks of a 2 MB page): what the text alone decides is measured once a
 * text.
 */
export function extractBlockFeatures(
  inputs: readonly FeatureInput[],
  options: FeatureOptions = {},
): BlockFeatures[] {
  const byText = new Map<string, TextFeatures>();
  return inputs.map((block) => {
    let measured = byText.get(block.text);
    if (!measured) byText.set(block.text, (measured = textFeatures(block.text)));
    return withMarkup(measured, block, options);
  });
}

/** The features the text alone decides. */
type TextFeatures = Omit<
  BlockFeatures,
  'linkDensity' | 'linkCount' | 'gaps' | 'emphasized' | 'landmark' | 'cues'
>;

/** A block's features: its text's, and those of its markup (and cues, unless turned off). */
function withMarkup(
  measured: TextFeatures,
  block: FeatureInput,
  options: FeatureOptions,
): BlockFeatures {
  const { text } = block;
  return {
    chars: measured.chars,
    words: measured.words,
    sentences: measured.sentences,
    endsWithTerminal: measured.endsWithTerminal,
    startsLowercase: measured.startsLowercase,
    titleCaseRatio: measured.titleCaseRatio,
    capitalisesNouns: measured.capitalisesNouns,
    allCapsRatio: measured.allCapsRatio,
    functionWordRatio: measured.functionWordRatio,
    linkDensity: text.length ? Math.min(1, (block.linkChars ?? 0) / text.length) : 0,
    linkCount: block.linkCount ?? 0,
    separators: measured.separators,
    gaps: block.gapCount ?? 0,
    emphasized: block.emphasized ?? false,
    landmark: block.landmark ?? null,
    cues: options.cues === false ? noCues() : scoreCues(text),
  };
}

function textFeatures(text: string): TextFeatures {
  const tokens = text.split(/\s+/);

  let separators = 0;
  let dashes = 0;
  let words = 0;
  let alphaWords = 0;
  let capitalised = 0;
  let titleBase = 0;
  let allCaps = 0;
  let capsBase = 0;
  let functionWords = 0;
  let germanWords = 0;
  let firstAlphaSeen = false;
  for (const token of tokens) {
    if (!token) continue;
    if (SEPARATORS.has(token)) separators++;
    else if (token === '–' || token === '—') dashes++;
    // One scan: letters, capitals, and the bare word between the first and last letter/digit.
    let first = -1;
    let last = -1;
    let letters = 0;
    let lower = 0;
    let upper = 0;
    let firstLetterClass = NONE;
    let cjk = 0;
    let cjkFunction = 0;
    for (let i = 0; i < token.length; i++) {
      const code = token.charCodeAt(i);
      const cls = charClass(code);
      if (cls === NONE) continue;
      if (code >= 0x3040 && isCjk(code)) {
        cjk++;
        if (CJK_FUNCTION_CHARS.has(token[i]!)) cjkFunction++;
      }
      if (first < 0) first = i;
      last = i;
      if (cls === DIGIT) continue;
      if (letters === 0) firstLetterClass = cls;
      letters++;
      if (cls === LOWER) lower++;
      else if (cls === UPPER) upper++;
    }
    if (first < 0) continue;
    words++;
    // The extra words of a run of ideographs: uncapitalised, some of them function words.
    const extra = cjk > CJK_CHARS_PER_WORD ? Math.ceil(cjk / CJK_CHARS_PER_WORD) - 1 : 0;
    words += extra;
    titleBase += extra;
    functionWords += Math.min(cjkFunction, extra);
    const bare = token.slice(first, last + 1);
    const lowerFunctionWord = lower === letters && PROSE_FUNCTION_WORDS.has(bare);
    if (lowerFunctionWord) {
      functionWords++;
      if (GERMAN_ONLY_FUNCTION_WORDS.has(bare)) germanWords++;
    }
    if (letters === 0) continue;
    alphaWords++;
    // Scripts without case (Chinese, Arabic, Hebrew, Thai…) are neither capitals nor lower case.
    if (letters >= 2 && upper + lower > 0) {
      capsBase++;
      if (lower === 0) allCaps++;
    }
    if (!firstAlphaSeen) {
      firstAlphaSeen = true;
      continue;
    }
    if (lowerFunctionWord) continue;
    titleBase++;
    if (firstLetterClass === UPPER) capitalised++;
  }
  // En and em dashes separate menu items only when there are several of them, in a line that
  // does not read as a sentence ("Dee Dee Myers — a press secretary for Bill Clinton — is …").
  if (dashes >= 2 && functionWords < words * DASHED_PROSE_FUNCTION_WORDS) separators += dashes;
  // A one-word line has no "other" words: judge its casing by that word alone.
  if (titleBase === 0 && alphaWords > 0) {
    titleBase = 1;
    const firstLetter = /\p{L}/u.exec(text)?.[0] ?? '';
    capitalised = /\p{Lu}/u.test(firstLetter) ? 1 : 0;
  }

  SENTENCE_BREAK.lastIndex = 0;
  const breaks = text.match(SENTENCE_BREAK)?.length ?? 0;

  return {
    chars: text.length,
    words,
    sentences: words ? breaks + 1 : 0,
    endsWithTerminal: endsWithTerminalPunctuation(text),
    startsLowercase: startsWithLowercase(text),
    titleCaseRatio: titleBase ? capitalised / titleBase : 0,
    capitalisesNouns: germanWords >= MIN_GERMAN_WORDS && germanWords >= words * MIN_GERMAN_SHARE,
    allCapsRatio: capsBase ? allCaps / capsBase : 0,
    functionWordRatio: words ? functionWords / words : 0,
    separators,
  };
}
