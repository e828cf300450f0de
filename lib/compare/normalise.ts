/**
 * Normalisation of statement text for comparison: word tokens with a comparison key (case,
 * quotes, apostrophes, contractions, demonyms, number words and neutral reporting verbs
 * folded), number values with their offsets, quoted stretches. Dates are in dates.ts.
 */
import nlp from 'compromise';
import countries from 'world-countries';
import { findHedge, magnitude, type Hedge } from './loose-numbers';
import type { Span } from './types';

export interface Token extends Span {
  /** Comparison key: lower case, folded ("twelve" → "12", "stated" → "say"). */
  key: string;
  /** Starts with a capital letter and is not the statement's first word (a likely name). */
  capitalised: boolean;
  stop: boolean;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();
/** Scripts written without spaces between words: these need the dictionary-based segmenter. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A word: letters and digits, with inner apostrophes, dots and commas ("don't", "U.S", "1,200"). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.,][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Word tokens of `text` within `span`, any language: a Unicode word pattern, or the platform's
 * word segmenter (ICU dictionaries) for scripts without spaces (Chinese, Japanese, Thai …).
 */
export function tokenize(text: string, span: Span, locale = 'en'): Token[] {
  const slice = text.slice(span.start, span.end);
  const tokens: Token[] = [];
  const add = (word: string, at: number) => {
    const start = span.start + at;
    // "U.S." and "United States" are one name: one key (see foldInitialisms).
    const initialism = INITIALISMS.get(word.replace(/\./g, ''));
    const key = initialism ? `#${initialism.code}` : keyOf(word);
    const stop = STOPWORDS.has(key);
    tokens.push({
      start,
      end: start + word.length,
      key,
      capitalised: tokens.length > 0 && !stop && /^\p{Lu}/u.test(word),
      stop,
    });
  };
  if (UNSPACED.test(slice)) {
    let segmenter = wordSegmenters.get(locale);
    if (!segmenter) {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
      wordSegmenters.set(locale, segmenter);
    }
    for (const { segment, index, isWordLike } of segmenter.segment(slice)) {
      if (isWordLike) add(segment, index);
    }
  } else {
    const english = /^en\b/i.test(locale);
    for (const match of slice.matchAll(WORD)) {
      const at = match.index ?? 0;
      // "we've" is "we have", "don't" is "do not": two words, so a contraction in one report's
      // quotation is not a misquote of the other's.
      const contraction = english ? CONTRACTION.exec(match[0]) : null;
      if (contraction) {
        const [, stem = '', ending = ''] = contraction;
        add(stem, at);
        add(ending, at + stem.length);
      } else add(match[0], at);
    }
  }
  foldInitialisms(tokens, text);
  if (isTitleCase(slice, tokens, text)) for (const t of tokens) t.capitalised = false;
  return tokens;
}

/** The written-out forms of INITIALISMS ("United States") as one token with its key. */
function foldInitialisms(tokens: Token[], text: string): void {
  for (let i = 0; i < tokens.length; i++) {
    for (const { code, words } of INITIALISMS.values()) {
      const n = words.length;
      if (i + n > tokens.length) continue;
      const matches = words.every((word, k) => {
        const token = tokens[i + k]!;
        return token.key === keyOf(word) && /^\p{Lu}/u.test(text.slice(token.start, token.end));
      });
      if (!matches) continue;
      const first = tokens[i]!;
      tokens.splice(i, n, {
        start: first.start,
        end: tokens[i + n - 1]!.end,
        key: `#${code}`,
        capitalised: i > 0,
        stop: false,
      });
      break;
    }
  }
}

/** A heading needs this many content words to be told from a short sentence of names. */
const HEADING_MIN_WORDS = 3;

/**
 * A heading in title case ("Band Aid Video Gets Cross-Channel Screening"): no sentence-final
 * mark and every content word capitalised, so capitals there say nothing about names.
 */
function isTitleCase(slice: string, tokens: Token[], text: string): boolean {
  if (/[.!?:;"”’)]\s*$/.test(slice)) return false;
  const words = tokens.filter((t) => !t.stop && /^\p{L}/u.test(text.slice(t.start, t.end)));
  return (
    words.length >= HEADING_MIN_WORDS && words.every((t) => /^\p{Lu}/u.test(text.slice(t.start)))
  );
}

const keys = new Map<string, string>();

/** The comparison key of one word. */
export function keyOf(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = computeKey(word);
    if (keys.size > 100_000) keys.clear();
    keys.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  // "Gen. Pinochet" is "General Pinochet", "Bain & Co" is "Bain & Company": capitalised
  // abbreviations only, since "co", "col" or "sen" in lower case may be other words.
  const capitalised = /^\p{Lu}/u.test(word);
  const expanded = capitalised ? ABBREVIATED.get(word.toLowerCase()) : undefined;
  if (expanded) return computeKey(expanded);
  // "American" is "U.S.", "Iraqi" is "Iraq": capitalised only ("polish", "french fries").
  const country = capitalised ? countryOfDemonym(word) : undefined;
  if (country) return country;
  let key = word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
  key = key.replace(/'s$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(key)) key = key.replace(/,/g, '');
  const value = NUMBER_WORDS.get(key);
  if (value !== undefined) return String(value);
  const expandedEnding = CONTRACTED.get(key);
  if (expandedEnding) return expandedEnding;
  const verb = REPORTING_VERBS.get(key);
  if (verb) return verb;
  key = BRITISH.get(key) ?? key;
  return /^[a-z]+$/.test(key) ? stem(key) : key;
}

/**
 * A light English suffix fold ("talks"/"talk", "envisages"/"envisaging", "Syrian"/"Syria"), so
 * inflections weigh as one word; other languages keep their words whole.
 */
function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, keep] of STEM_RULES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const stemmed = word.slice(0, word.length - suffix.length) + keep;
      // A plural of a verb noun goes on to the verb ("killings", "killing" and "killed").
      return suffix === 's' ? stem(stemmed) : stemmed;
    }
  }
  return word;
}

const STEM_RULES: [string, string][] = [
  ['ies', 'y'],
  ['ing', ''],
  ['ian', 'ia'],
  ['ed', ''],
  ['es', ''],
  ['e', ''],
  ['s', ''],
];

/** The class of a reporting verb: neutral verbs fold to `say`, the others keep their meaning. */
export function reportingClass(key: string): string | null {
  if (key === 'say') return 'say';
  return REPORTING_CLASSES.has(key) ? key : null;
}

export interface NumberValue extends Span {
  /**
   * Canonical value ("37", "0.5", "29/37" for "29 of the 37", "5%", "20000000-30000000" for
   * "20-30 million"); a hedge is not part of it.
   */
  value: string;
  /** "about", "more than" … before the figure (its span then starts at the hedge). */
  hedge?: Hedge;
}

const DIGITS =
  /(?<![\p{L}\p{N}])[$€£]?\d+(?:[.,]\d+)*(?:\s?(?:%|per ?cent|percent))?(?:\s(?:million|billion|thousand|trillion)|(?:bn|m|k)(?![\p{L}\p{N}]))?/giu;
/** A code of capitals and digits right after a number ("2004 MN4"). */
const DESIGNATION = /^ \p{Lu}{1,3}\d{1,4}(?![\p{L}\p{N}])/u;
/** A capitalised number word standing alone ("Two", not "Twenty-five"). */
const CAPITALISED_NUMBER_WORD = /(?<![\p{L}\p{N}-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}-])/gu;
const NUMBER_WORD_TEST =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b/i;

/**
 * Numbers stated in `span` outside the `exclude` spans (dates): digits, amounts, percentages,
 * English number words (through compromise), and "N of (the) M" proportions as one value.
 */
export function extractNumbers(text: string, span: Span, exclude: Span[] = []): NumberValue[] {
  const slice = text.slice(span.start, span.end);
  const found: NumberValue[] = [];
  for (const match of slice.matchAll(DIGITS)) {
    const start = span.start + (match.index ?? 0);
    const end = start + match[0].length;
    // "2004 MN4", "1998 QE2": the number is part of a designation, a name.
    if (DESIGNATION.test(text.slice(end, end + 12))) continue;
    found.push({ start, end, value: numberKey(match[0]) });
  }
  if (NUMBER_WORD_TEST.test(slice)) {
    for (const item of nlp(slice).numbers().json({ offset: true }) as CompromiseNumber[]) {
      const start = span.start + item.offset.start;
      const end = start + item.offset.length;
      if (found.some((n) => n.start < end && start < n.end)) continue;
      if (!/[\p{L}]/u.test(item.text) || typeof item.number?.num !== 'number') continue;
      if (/^(?:a|an|one|first|second|the)$/i.test(item.text.trim())) continue;
      found.push({ start, end, value: String(item.number.num) + (item.number.suffix ?? '') });
    }
    // compromise reads a capitalised number word inside a sentence ("(CNN) -- Two car bombs")
    // as part of a name and leaves it out; a single word's value is plain.
    for (const match of slice.matchAll(CAPITALISED_NUMBER_WORD)) {
      const start = span.start + (match.index ?? 0);
      const end = start + match[0].length;
      const value = NUMBER_WORDS.get(match[0].toLowerCase());
      if (value === undefined || value < 2) continue;
      if (found.some((n) => n.start < end && start < n.end)) continue;
      found.push({ start, end, value: String(value) });
    }
  }
  for (const match of slice.matchAll(FRACTION)) {
    const start = span.start + (match.index ?? 0);
    const end = start + match[1]!.length;
    if (found.some((n) => n.start < end && start < n.end)) continue;
    found.push({ start, end, value: FRACTIONS.get(match[2]!.toLowerCase().replace(/-/g, ' '))! });
  }
  const numbers = found
    .filter((n) => !exclude.some((e) => e.start < n.end && n.start < e.end))
    .sort((x, y) => x.start - y.start);
  return joinProportions(text, joinRanges(text, numbers)).map((n) => {
    const hedged = findHedge(text, span, n);
    return hedged && !exclude.some((e) => e.start < n.start && hedged.start < e.end)
      ? { ...n, start: hedged.start, hedge: hedged.hedge }
      : n;
  });
}

/** A share in words, before "of" ("half of the voters", "two-thirds of them"): a percentage. */
const FRACTION = /\b((?:a |one )?(half|third|quarter|two[- ]thirds|three[- ]quarters))\s+of\b/giu;
const FRACTIONS = new Map([
  ['half', '50%'],
  ['third', '33.3%'],
  ['quarter', '25%'],
  ['two thirds', '66.7%'],
  ['three quarters', '75%'],
]);

/**
 * "20-30 million", "300 to 400", "between 300 and 400": one value, a range; the first figure
 * takes the second's scale ("20" of "20-30 million" is 20 million). Only a rising pair in one
 * unit: "9 to 4" is a vote and "2002-03" a season.
 */
function joinRanges(text: string, numbers: NumberValue[]): NumberValue[] {
  const joined: NumberValue[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const here = numbers[i]!;
    const next = numbers[i + 1];
    const low = magnitude(here.value);
    const high = next && magnitude(next.value);
    const between = next ? text.slice(here.end, next.start) : '';
    const dash = /^\s?[-–]\s?$|^\s+to\s+$/.test(between);
    const and =
      /^\s+and\s+$/.test(between) &&
      /\bbetween\s+$/i.test(text.slice(Math.max(0, here.start - 12), here.start));
    // "$20-30 million", "20-30%": a sign written once belongs to both figures.
    const unit =
      low && high && (!low.unit || !high.unit || low.unit === high.unit)
        ? low.unit || high.unit
        : null;
    if (low && high && unit !== null && (dash || and)) {
      // "20" of "20-30 million" is 20 million: a bare first figure takes the second's scale.
      const written = Number(
        /\d+(?:\.\d+)?/.exec(text.slice(next!.start, next!.end).replace(/,/g, ''))?.[0],
      );
      const bare = /^[$€£]?\d+(?:\.\d+)?$/.test(text.slice(here.start, here.end).replace(/,/g, ''));
      const lowN = low.n * (written > 0 && bare ? high.n / written : 1);
      if (lowN < high.n) {
        const show = (n: number) =>
          unit.replace('%', '') + String(n) + (unit.includes('%') ? '%' : '');
        joined.push({ start: here.start, end: next!.end, value: `${show(lowN)}-${show(high.n)}` });
        i++;
        continue;
      }
    }
    joined.push(here);
  }
  return joined;
}

interface CompromiseNumber {
  text: string;
  number?: { num?: number; suffix?: string };
  offset: { start: number; length: number };
}

function numberKey(raw: string): string {
  let value = raw.toLowerCase().replace(/\s+/g, ' ');
  value = value.replace(/per ?cent|percent/, '%').replace(/ %/, '%');
  const match = /^([$€£]?)([\d.,]+)\s?(%|million|billion|thousand|trillion|bn|m|k)?$/.exec(value);
  if (!match) return value;
  const [, currency = '', digits = '', unit = ''] = match;
  // "1,200" and "1200" are one number; "1,5" (a decimal comma) stays as written.
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? digits.replace(/,/g, '') : digits;
  const number = Number(plain);
  if (!Number.isFinite(number)) return value;
  const factor: Record<string, number> = {
    thousand: 1e3,
    k: 1e3,
    million: 1e6,
    m: 1e6,
    billion: 1e9,
    bn: 1e9,
    trillion: 1e12,
  };
  // "5m" without a currency may be metres: only amounts take the short scales.
  if (unit in factor && (currency || !['m', 'k'].includes(unit))) {
    return currency + String(Math.round(number * factor[unit]! * 1e6) / 1e6);
  }
  return currency + String(number) + (unit === '%' ? '%' : unit);
}

/** "29 of the 37" is one fact (a proportion), not two numbers. */
function joinProportions(text: string, numbers: NumberValue[]): NumberValue[] {
  const joined: NumberValue[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const here = numbers[i]!;
    const next = numbers[i + 1];
    if (next && /^\s+(?:of|out of)\s+(?:the\s+)?$/i.test(text.slice(here.end, next.start))) {
      joined.push({ start: here.start, end: next.end, value: `${here.value}/${next.value}` });
      i++;
    } else joined.push(here);
  }
  return joined;
}

/**
 * Stretches between quotation marks inside `span` (the marks excluded). A statement cut from a
 * longer quotation counts too: a closing mark with no opening one quotes from the start, an
 * opening mark with no closing one quotes to the end.
 */
export function findQuotes(text: string, span: Span): Span[] {
  const quotes: Span[] = [];
  let open: number | null = null;
  let sawMark = false;
  for (let i = span.start; i < span.end; i++) {
    // Two apostrophes are a straight double quote in some wire copy (''It had been our hope'').
    const doubled = text[i] === "'" && text[i + 1] === "'";
    const c = doubled ? '"' : text[i]!;
    const at = i;
    if (doubled) i++;
    const opens = c === '“' || c === '«' || c === '„' || (c === '"' && open === null);
    const closes = c === '”' || c === '»' || (c === '"' && open !== null);
    if (closes && !(c === '”' && open === null && sawMark && text[at - 1] === ' ')) {
      const start = open ?? (sawMark ? null : span.start);
      if (start !== null && at > start) quotes.push({ start, end: at });
      open = null;
      sawMark = true;
    } else if (opens) {
      open = i + 1;
      sawMark = true;
    }
  }
  if (open !== null && span.end > open) quotes.push({ start: open, end: span.end });
  return quotes;
}

const NUMBER_WORDS = new Map<string, number>(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((word, value) => [word, value]),
);

/** Verbs that only say someone spoke: swapping one for another changes nothing. */
const NEUTRAL_VERBS =
  'say says said saying state states stated stating tell tells told note notes noted explain explains explained remark remarks remarked comment comments commented add adds added observe observed mention mentioned write wrote';
/** Verbs that say more (how or with what force); each is its own class. */
const STRONG_VERBS: Record<string, string> = {
  announce: 'announce announces announced announcing',
  claim: 'claim claims claimed claiming',
  admit: 'admit admits admitted',
  insist: 'insist insists insisted',
  deny: 'deny denies denied',
  warn: 'warn warns warned caution cautions cautioned',
  urge: 'urge urges urged',
  predict: 'predict predicts predicted forecast forecasts',
  confirm: 'confirm confirms confirmed',
  stress:
    'stress stresses stressed emphasise emphasised emphasize emphasized emphasises emphasizes underline underlined',
  argue: 'argue argues argued',
  suggest: 'suggest suggests suggested',
  promise: 'promise promises promised pledge pledged',
  reveal: 'reveal reveals revealed',
  allege: 'allege alleges alleged',
  declare: 'declare declares declared proclaim proclaimed',
  acknowledge: 'acknowledge acknowledges acknowledged concede conceded',
};
const REPORTING_VERBS = new Map<string, string>();
for (const verb of NEUTRAL_VERBS.split(' ')) REPORTING_VERBS.set(verb, 'say');
for (const [cls, forms] of Object.entries(STRONG_VERBS)) {
  for (const form of forms.split(' ')) REPORTING_VERBS.set(form, cls);
}
const REPORTING_CLASSES = new Set(Object.keys(STRONG_VERBS));

/** Abbreviations written before names and in dates, with the word they stand for. */
const ABBREVIATED = new Map<string, string>(
  (
    'gen general|lt lieutenant|col colonel|capt captain|cmdr commander|adm admiral|maj major|' +
    'sgt sergeant|cpl corporal|gov governor|sen senator|rep representative|pres president|' +
    'prof professor|dr doctor|supt superintendent|rev reverend|mt mount|ft fort|dept department|' +
    'govt government|corp corporation|co company|bros brothers|jan january|feb february|' +
    'apr april|jun june|jul july|aug august|sep september|sept september|oct october|' +
    'nov november|dec december'
  )
    .split('|')
    .map((pair) => pair.split(' ') as [string, string]),
);

/**
 * Initialisms of names that reports also write out ("U.S."/"United States", "UN"/"United
 * Nations"), in capitals only ("us" is a pronoun), with or without dots.
 */
const INITIALISMS = new Map<string, { code: string; words: string[] }>(
  (
    'US US United States|USA US United States|UK UK United Kingdom|UN UN United Nations|' +
    'EU EU European Union|UAE UAE United Arab Emirates|USSR USSR Soviet Union'
  )
    .split('|')
    .map((entry) => {
      const [initialism, code, ...words] = entry.split(' ');
      return [initialism!, { code: code!, words }];
    }),
);

let demonyms: Map<string, string> | null = null;

/**
 * The key of the country a demonym stands for ("Americans" → the key of "United States"), from
 * world-countries' English demonyms; undefined for any other word. Only countries whose name is
 * one token are folded (one word, or an initialism's written-out form): a token cannot stand for
 * two. A demonym of several countries counts for the one UN member among them ("American": the
 * United States, not its Minor Outlying Islands), else for none.
 */
function countryOfDemonym(word: string): string | undefined {
  if (!demonyms) {
    const candidates = new Map<string, { key: string; member: boolean }[]>();
    const codeOf = new Map([...INITIALISMS.values()].map((i) => [i.words.join(' '), i.code]));
    for (const country of countries) {
      const name = country.name.common;
      const code = codeOf.get(name);
      const key = code
        ? `#${code}`
        : /^\p{L}+$/u.test(name)
          ? computeKey(name.toLowerCase())
          : null;
      if (!key) continue;
      const eng = country.demonyms?.['eng'];
      for (const demonym of new Set([eng?.m, eng?.f])) {
        if (!demonym || !/^\p{L}+$/u.test(demonym)) continue;
        const list = candidates.get(demonym.toLowerCase()) ?? [];
        list.push({ key, member: country.unMember });
        candidates.set(demonym.toLowerCase(), list);
      }
    }
    demonyms = new Map();
    for (const [demonym, list] of candidates) {
      const members = list.filter((c) => c.member);
      const keys = new Set((members.length ? members : list).map((c) => c.key));
      if (keys.size === 1) demonyms.set(demonym, [...keys][0]!);
    }
  }
  const lower = word.toLowerCase();
  // "Americans", "Iraqis": the plural of a demonym.
  return (
    demonyms.get(lower) ?? (lower.endsWith('s') ? demonyms.get(lower.slice(0, -1)) : undefined)
  );
}

/** An English contraction: the word and its contracted ending ("we" + "'ve", "do" + "n't"). */
const CONTRACTION = /^(\p{L}+?)(n['’]t|['’](?:ve|ll|re|m|d))$/iu;
/** The contracted endings' words, and the stems that change ("won't", "can't", "shan't"). */
const CONTRACTED = new Map([
  ["n't", 'not'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'m", 'am'],
  ["'d", 'would'],
  ['wo', 'will'],
  ['ca', 'can'],
  ['sha', 'shall'],
]);

const BRITISH = new Map<string, string>([
  ['organisation', 'organization'],
  ['organise', 'organize'],
  ['organised', 'organized'],
  ['centre', 'center'],
  ['programme', 'program'],
  ['defence', 'defense'],
  ['labour', 'labor'],
]);

/** English function words: they weigh nothing in similarity and are never a difference alone. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with without into onto over under ' +
    'about above after before between during through against among amongst toward towards upon ' +
    'is are was were be been being am has have had having do does did doing will would shall should ' +
    "can could may might must this that these those it its it's they them their theirs he him his she " +
    'her hers we us our you your i me my who whom whose which what where when why how all any both ' +
    'each few more most other some such no not only own same than too very just also as if then ' +
    'there here out up down off again further once while because until also well even still ' +
    'including according further however'
  ).split(/\s+/),
);
