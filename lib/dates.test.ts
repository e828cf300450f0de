import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateSchema, timestampSchema } from './date-schemas';
import { endOfDay, isSqlTimestamp, parseCalendarDate, parseTimestamp } from './dates';
import { CALENDAR_DATE_CASES, DATE_TIME_CASES, SQL_TIMESTAMP_CASES } from './dates-cases';

const label = (text: string, result: string, why?: string) =>
  `${JSON.stringify(text)} -> ${result}${why ? ` (${why})` : ''}`;

describe('parseCalendarDate', () => {
  for (const c of CALENDAR_DATE_CASES) {
    it(label(c.text, c.iso ?? 'null', c.why), () => {
      assert.equal(parseCalendarDate(c.text)?.toISOString() ?? null, c.iso);
    });
  }

  it('refuses a date-time', () => {
    assert.equal(parseCalendarDate('2024-05-01T00:00:00Z'), null);
  });
});

describe('parseTimestamp', () => {
  for (const c of [...CALENDAR_DATE_CASES, ...DATE_TIME_CASES]) {
    it(label(c.text, c.iso ?? 'null', c.why), () => {
      assert.equal(parseTimestamp(c.text)?.toISOString() ?? null, c.iso);
    });
  }
});

describe('isSqlTimestamp', () => {
  for (const c of SQL_TIMESTAMP_CASES) {
    it(label(c.text, String(c.ok), c.why), () => {
      assert.equal(isSqlTimestamp(c.text), c.ok);
    });
  }
});

describe('endOfDay', () => {
  it('is the next midnight', () => {
    assert.equal(
      endOfDay(parseCalendarDate('2024-02-28')!).toISOString(),
      '2024-02-29T00:00:00.000Z',
    );
  });

  it('stops at the last millisecond of 9999, which PostgreSQL still reads', () => {
    assert.equal(
      endOfDay(parseCalendarDate('9999-12-31')!).toISOString(),
      '9999-12-31T23:59:59.999Z',
    );
  });
});

describe('the date schemas', () => {
  it('keep a calendar date as sent, trimmed', () => {
    assert.equal(calendarDateSchema.parse(' 2024-02-29 '), '2024-02-29');
    assert.equal(timestampSchema.parse(' 2024-02-29 '), '2024-02-29');
  });

  it('rewrite a date-time in UTC as toISOString does', () => {
    assert.equal(timestampSchema.parse('2024-05-01T09:30+02'), '2024-05-01T07:30:00.000Z');
  });

  it('refuse an impossible date with one issue of our own wording', () => {
    for (const [schema, text] of [
      [calendarDateSchema, '2024-02-30'],
      [calendarDateSchema, '2024-05-01T00:00:00Z'],
      [timestampSchema, '0000-01-01'],
      [timestampSchema, '+010000-01-01T00:00:00.000Z'],
    ] as const) {
      const result = schema.safeParse(text);
      assert.equal(result.success, false, text);
      assert.equal(result.error?.issues.length, 1);
      assert.match(result.error!.issues[0]!.message, /^Use a real /);
    }
  });
});
