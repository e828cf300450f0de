/**
 * Dates and times stated in a text, by value (chrono, English): "Oct. 2" and "October 2" are one
 * date, "5.55pm" is a time, "the day before" counts from the date its sentence states, and a
 * time counted from an event ("a week before the single reaches the shops") is no date.
 */
import * as chrono from 'chrono-node';
import type { Span } from './types';

export interface DateValue extends Span {
  /** The components the text states ("2015-10-02..2015-10-04", "2016-02", "10-02"). */
  value: string;
  /** Counted from a date the same sentence states ("Saturday … the day before"): a stated date. */
  anchored?: boolean;
}

/**
 * Dates in `text` (chrono, English): one parse of the whole text, offsets into it. Only the
 * components the text states count, so "Oct. 2" and "October 2" are the same date.
 */
export function extractDates(text: string, reference?: Date): DateValue[] {
  // "5.55pm" (British style) is "5:55pm", which chrono reads: same length, same offsets.
  const prepared = text.replace(/\b(\d{1,2})\.(\d{2})(?=\s?[ap]\.?m\b)/gi, '$1:$2');
  const results = chrono.parse(prepared, reference ?? new Date(2000, 0, 1)).filter(
    // "voted 9 to 4 on Monday" is a score, not a time: a time needs a clock mark.
    (r) => !r.start.isCertain('hour') || /:|\b[ap]\.?m\b|o'clock|noon|midnight/i.test(r.text),
  );
  const dates: DateValue[] = results.map((result) => {
    const value = [result.start, result.end]
      .filter((c): c is chrono.ParsedComponents => Boolean(c))
      .map((c) => {
        const parts: string[] = [];
        for (const unit of ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const) {
          if (c.isCertain(unit)) parts.push(`${unit}=${c.get(unit)}`);
        }
        return parts.join(',');
      })
      .join('..');
    const start = result.index;
    const end = start + result.text.replace(/\s+$/, '').length;
    // chrono reads "May 25–27" as May 25: the day range's end belongs to the date.
    const range = result.end ? null : /^\s*[–—-]\s*(\d{1,2})(?!\d)/.exec(text.slice(end, end + 8));
    if (range?.[1] && result.start.isCertain('day')) {
      return { start, end: end + range[0].length, value: `${value}..day=${Number(range[1])}` };
    }
    return { start, end, value };
  });
  // chrono leaves a bare year alone ("sold in 2002", "from 1973 until 1990", "the 1970s"); after
  // a preposition of time a four-digit number is a year, not a count.
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = (match.index ?? 0) + match[0].length - match[1]!.length;
    const end = start + match[1]!.length;
    if (dates.some((d) => d.start < end && start < d.end)) continue;
    dates.push({ start, end, value: `year=${match[1]!.toLowerCase()}` });
  }
  dates.sort((x, y) => x.start - y.start);
  return anchorDayOffsets(text, dates, reference ?? new Date(2000, 0, 1));
}

/** Words of a date that names its day, month or year rather than counting from today. */
export const STATED_DATE =
  /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/** "the day before", "the next day": a day counted from another date (chrono counts from today). */
const DAY_OFFSET =
  /^(?:on\s+)?(?:the\s+)?(?:(day\s+before|previous\s+day|day\s+earlier)|(day\s+after|next\s+day|following\s+day|day\s+later))$/i;
/** "a week before", "two days later": a time counted from an event, not a calendar date. */
const EVENT_OFFSET =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several)\s+(?:day|week|month|year)s?\s+(?:before|after|earlier|later)$/i;
/** A sentence ends between two dates: a full stop and a capital ("a.m. on" goes on). */
const SENTENCE_END = /[.!?]["”’)]*\s+["“‘(]?\p{Lu}/u;

/**
 * Resolves "the day before" and its kin against the date stated last before it in the same
 * sentence ("said Saturday that … the day before" is Friday), the one reading that is not a
 * guess. Without such a date, it and any other time counted from an event ("a week before the
 * single reaches the shops", "a day after the court ruled") are no date: chrono counts them from
 * the reference day, a date no report states.
 */
function anchorDayOffsets(text: string, dates: DateValue[], reference: Date): DateValue[] {
  return dates.flatMap((date, i) => {
    const words = text.slice(date.start, date.end).trim();
    const offset = DAY_OFFSET.exec(words);
    if (!offset) return EVENT_OFFSET.test(words) ? [] : [date];
    const anchor = dates
      .slice(0, i)
      .reverse()
      .find((d) => !DAY_OFFSET.test(text.slice(d.start, d.end).trim()));
    if (!anchor || SENTENCE_END.test(text.slice(anchor.end, date.start))) return [];
    if (!STATED_DATE.test(text.slice(anchor.start, anchor.end))) return [];
    const value = shiftDay(anchor.value, offset[1] ? -1 : 1, reference);
    return value ? [{ ...date, value, anchored: true }] : [];
  });
}

/** A date value moved by `days` (its first date when a range), or null without a day or weekday. */
function shiftDay(value: string, days: number, reference: Date): string | null {
  const parts = new Map(
    value
      .split('..')[0]!
      .split(',')
      .map((p) => p.split('=') as [string, string]),
  );
  const out: string[] = [];
  const month = parts.get('month');
  const day = parts.get('day');
  if (month && day) {
    const year = Number(parts.get('year') ?? reference.getFullYear());
    const shifted = new Date(Date.UTC(year, Number(month) - 1, Number(day) + days));
    if (parts.has('year')) out.push(`year=${shifted.getUTCFullYear()}`);
    out.push(`month=${shifted.getUTCMonth() + 1}`, `day=${shifted.getUTCDate()}`);
  } else if (!parts.has('weekday')) return null;
  const weekday = parts.get('weekday');
  if (weekday) out.push(`weekday=${(Number(weekday) + days + 7) % 7}`);
  return out.join(',');
}

const BARE_YEAR =
  /\b(?:in|from|since|by|until|till|to|before|after|during|between|and|of|late|early|mid)[\s-]+(?:the\s+)?((?:1[5-9]|20)\d\d(?:'?s)?)(?![\p{L}\p{N}]|[.,]\d)/giu;
