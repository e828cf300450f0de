import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSV_BOM,
  CSV_COLUMNS,
  claimCsvValues,
  csvField,
  csvRecord,
  guardFormula,
  toCsv,
  toCsvSync,
} from './csv';
import { CSV_FIELD_CASES } from './csv-cases';
import { chunkText, collectChunks } from './stream';
import { makeClaim } from './test-fixtures';
import type { ExportClaim } from './types';

/** A strict RFC 4180 reader (CRLF records, quoted fields), to read exports back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i++;
      } else {
        field += char;
        i++;
      }
    } else if (char === '"') {
      assert.equal(field, '', 'a quote only opens a field');
      quoted = true;
      i++;
    } else if (char === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.ok(char !== '\r' && char !== '\n', `bare line break at ${i}`);
      field += char;
      i++;
    }
  }
  assert.equal(quoted, false, 'unterminated quote');
  assert.equal(field, '', 'last record ends with CRLF');
  return rows;
}

const unguard = (value: string) => value.replace(/^'(?=[=+\-@\t\r\n＝＋－＠])/, '');

describe('csvField', () => {
  for (const c of CSV_FIELD_CASES) {
    it(c.name, () => assert.equal(csvField(c.value), c.field));
  }

  it('reads back as the guarded value', () => {
    for (const c of CSV_FIELD_CASES) {
      const [row] = parseCsv(csvRecord([c.value, 'x']));
      assert.deepEqual(row, [guardFormula(c.value), 'x'], c.name);
      assert.equal(unguard(row?.[0] ?? ''), c.value, c.name);
    }
  });
});

describe('toCsv', () => {
  const tricky = makeClaim('c-tricky', {
    text: 'Inflation is "under control", officials say,\nwith 3% growth',
    claimant: '=cmd|"/c calc"!A1',
    rationale: '-12% vs. +3%: see\r\nline two',
    verdict: 'MOSTLY_FALSE',
    evidence: [
      { url: 'https://a.example/1', title: null, quote: null, accessedAt: null },
      { url: 'https://b.example/2?x=1,2', title: null, quote: null, accessedAt: null },
    ],
    appearances: [
      {
        articleId: 'a1',
        articleTitle: 'Переговоры в Астане',
        sourceUrl: 'https://news.example/ru',
        sourceName: null,
        publishedAt: null,
        quote: 'q',
      },
      {
        articleId: 'a2',
        articleTitle: 'محادثات أستانا',
        sourceUrl: 'https://news.example/ru',
        sourceName: null,
        publishedAt: null,
        quote: 'q',
      },
    ],
  });
  const draft = makeClaim('c-draft', { reviewState: 'DRAFT', approvedAt: null, reviewer: null });

  it('starts with a UTF-8 BOM and the header, ends records with CRLF', () => {
    const csv = [...toCsvSync([])].join('');
    assert.ok(csv.startsWith(CSV_BOM));
    assert.equal(
      csv,
      `${CSV_BOM}id,claim,claimant,verdict,review state,rationale,author,reviewer,approved at,articles,source URLs,evidence URLs\r\n`,
    );
    assert.equal([...toCsvSync([], { bom: false })].join('').charAt(0), 'i');
  });

  it('round-trips quoting, line breaks, non-Latin text and guards formulas', () => {
    const csv = [...toCsvSync([tricky])].join('');
    const rows = parseCsv(csv.slice(CSV_BOM.length));
    assert.equal(rows.length, 2);
    const [header, row] = rows as [string[], string[]];
    assert.deepEqual(header, [...CSV_COLUMNS]);
    const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)];
    assert.equal(cell('claim'), tricky.text);
    assert.equal(cell('claimant'), `'=cmd|"/c calc"!A1`);
    assert.equal(cell('rationale'), `'-12% vs. +3%: see\r\nline two`);
    assert.equal(cell('verdict'), 'Mostly false');
    assert.equal(cell('review state'), 'Approved');
    assert.equal(cell('approved at'), '2026-11-23T16:30:00.000Z');
    assert.equal(cell('articles'), 'Переговоры в Астане\nمحادثات أستانا');
    assert.equal(cell('source URLs'), 'https://news.example/ru', 'duplicates collapse');
    assert.equal(cell('evidence URLs'), 'https://a.example/1\nhttps://b.example/2?x=1,2');
  });

  it('has one value per column for every claim', () => {
    assert.equal(claimCsvValues(tricky).length, CSV_COLUMNS.length);
    assert.equal(claimCsvValues(draft).length, CSV_COLUMNS.length);
  });

  it('exports approved claims only by default, all claims with their state on request', async () => {
    const claims = [tricky, draft];
    const approved = parseCsv((await collectChunks(toCsv(claims))).slice(1));
    assert.deepEqual(
      approved.slice(1).map((r) => r[0]),
      ['c-tricky'],
    );
    const all = parseCsv((await collectChunks(toCsv(claims, { filter: 'all' }))).slice(1));
    assert.deepEqual(
      all.slice(1).map((r) => [r[0], r[4], r[7], r[8]]),
      [
        ['c-tricky', 'Approved', 'Rev Iewer', '2026-11-23T16:30:00.000Z'],
        ['c-draft', 'Draft', '', ''],
      ],
    );
  });

  it('streams from an async source without reading ahead', async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<ExportClaim> {
      for (let i = 0; i < 1_000; i++) {
        produced++;
        yield makeClaim(`c${i}`);
      }
    }
    const chunks = toCsv(source());
    const header = await chunks.next();
    assert.ok(!header.done && header.value.includes('evidence URLs'));
    assert.equal(produced, 0, 'the header needs no claim');
    await chunks.next();
    assert.equal(produced, 1, 'one claim read per record');
    let records = 1;
    for await (const chunk of chunks) {
      assert.ok(chunkText(chunk).endsWith('\r\n'));
      records++;
    }
    assert.equal(records, 1_000);
  });
});
