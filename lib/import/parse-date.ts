/**
 * Finds and parses calendar dates in the forms news pages use, returning ISO yyyy-mm-dd:
 * "2015-10-06" (and ISO date-times), "2015/10/06", "09/10/2015" / "09.10.2015" / "9-10-2015"
 * (day first by default, as on most non-US sites), "6 OCTOBER 2015", "6th of October 2015",
 * "October 6, 2015", "Oct. 6 2015". Two-digit years and dates without a year are not parsed
 * (no way to tell the year); impossible dates (31 April) are rejected.
 */
import { isRealDay } from '../dates';

/** Options of the date functions. */
export interface DateOptions {
  /**
   * Read ambiguous numeric dates (both parts <= 12) as dd/mm/yyyy. Default true. Unambiguous
   * ones ("25/10/2015", "10/25/2015") are read the only way they can be.
   */
  dayFirst?: boolean;
}

/** A date found in a text. */
export interface DateMatch {
  /** yyyy-mm-dd */
  iso: string;
  /** Offset of the match in the text. */
  index: number;
  /** The matched text. */
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// Years outside this window are more likely numbers than dates.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

type Parser = (m: RegExpExecArray, dayFirst: boolean) => [number, number, number] | null;

const monthNumber = (name: string): number => MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;

const PATTERNS: readonly { regex: RegExp; parse: Parser }[] = [
  {
    regex:
      /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/-])/g,
    parse: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    regex: /(?<![\d/.-])(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d/.-]*\d)/g,
    parse: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    regex: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)/g,
    parse: (m, dayFirst) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = Number(m[4]);
      if (a > 12 && b <= 12) return [year, b, a];
      if (b > 12 && a <= 12) return [year, a, b];
      return dayFirst ? [year, b, a] : [year, a, b];
    },
  },
  {
    regex: new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    parse: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  },
  {
    regex: new RegExp(
      `(?<![\\p{L}])${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    parse: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  },
];

/** Formats a valid calendar date as yyyy-mm-dd, or returns null for an impossible one. */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !isRealDay(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Finds the first (leftmost) valid date in the text, or null. */
export function findDate(text: string, options: DateOptions = {}): DateMatch | null {
  const dayFirst = options.dayFirst ?? true;
  let best: DateMatch | null = null;
  for (const { regex, parse } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (best && m.index >= best.index) break;
      const parts = parse(m, dayFirst);
      const iso = parts && toIsoDate(...parts);
      if (iso) {
        best = { iso, index: m.index, text: m[0] };
        break;
      }
    }
  }
  return best;
}

const WEEKDAY = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i;

/**
 * Parses a text that is only a date (optionally led by a weekday, "Monday, 5 October 2015"),
 * returning yyyy-mm-dd, or null when the text is not exactly one date.
 */
export function parseDate(text: string, options: DateOptions = {}): string | null {
  const trimmed = text.trim().replace(WEEKDAY, '').replace(/[.,]$/, '');
  const found = findDate(trimmed, options);
  if (!found || found.index !== 0 || found.text.length !== trimmed.length) return null;
  return found.iso;
}
