/**
 * Verified claims as CSV (RFC 4180) for spreadsheets.
 *
 * - Lines end in CRLF; a field containing a comma, a double quote, CR or LF is enclosed in double
 *   quotes and its quotes are doubled. Multi-valued cells (articles, URLs) hold one value per line.
 * - The file starts with a UTF-8 byte order mark, so Excel opens non-Latin scripts (Cyrillic,
 *   Arabic, CJK...) as UTF-8 instead of the system code page.
 * - Formula injection guard: a cell whose first character is `=`, `+`, `-`, `@`, tab, CR or LF (or
 *   the full-width `＝ ＋ － ＠`, which some spreadsheet programs also treat as formula starts)
 *   gets a leading apostrophe, so `=HYPERLINK(...)` in a claim is shown as text, never evaluated.
 *   The apostrophe is visible in programs that do not hide it, and values such as `-5%` read
 *   `'-5%`: a deliberate trade-off (OWASP's recommendation for CSV injection).
 */

import { REVIEW_STATE_LABELS, VERDICT_LABELS } from '../domain';
import { DEFAULT_CLAIM_FILTER, isClaimIncluded } from './filter';
import { isoDateTime } from './dates';
import { writeClaimBatches } from './stream';
import { exportedUrl } from './urls';
import type { ClaimFilter, ClaimSource, ExportClaim } from './types';

/** UTF-8 byte order mark written before the header row. */
export const CSV_BOM = '\uFEFF';
/** RFC 4180 line ending. */
export const CSV_LINE_END = '\r\n';
/** Separates the values of a multi-valued cell (shown as line breaks inside the cell). */
export const CSV_MULTI_VALUE_SEPARATOR = '\n';
/** First characters that make spreadsheet programs evaluate a cell as a formula. */
export const CSV_FORMULA_TRIGGERS: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
];
/** Prefix that turns a would-be formula into text. */
export const CSV_FORMULA_GUARD = "'";

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'id',
  'claim',
  'claimant',
  'verdict',
  'review state',
  'rationale',
  'author',
  'reviewer',
  'approved at',
  'articles',
  'source URLs',
  'evidence URLs',
] as const;

/** Options for the CSV export. */
export type CsvOptions = {
  /** Approved claims only (default) or all claims with their review state. */
  readonly filter?: ClaimFilter;
  /** Write the UTF-8 byte order mark (default true). */
  readonly bom?: boolean;
};

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;
/** The triggers' code units (each is one), looked up per cell: an export writes 120,000 cells. */
const FORMULA_TRIGGER_CODES = new Set(CSV_FORMULA_TRIGGERS.map((c) => c.charCodeAt(0)));

/** Neutralises a value that a spreadsheet would run as a formula (see the module comment). */
export function guardFormula(value: string): string {
  return value !== '' && FORMULA_TRIGGER_CODES.has(value.charCodeAt(0))
    ? CSV_FORMULA_GUARD + value
    : value;
}

/** One CSV field: formula-guarded, then quoted if RFC 4180 requires it. */
export function csvField(value: string): string {
  const guarded = guardFormula(value);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(QUOTE, '""')}"` : guarded;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(values: readonly string[]): string {
  let record = csvField(values[0] ?? '');
  for (let i = 1; i < values.length; i++) record += `,${csvField(values[i]!)}`;
  return record + CSV_LINE_END;
}

/** The cell values of one claim, in `CSV_COLUMNS` order. */
export function claimCsvValues(claim: ExportClaim): string[] {
  return [
    claim.id,
    claim.text,
    claim.claimant ?? '',
    VERDICT_LABELS[claim.verdict],
    REVIEW_STATE_LABELS[claim.reviewState],
    claim.rationale,
    claim.author.name,
    claim.reviewer?.name ?? '',
    claim.approvedAt ? isoDateTime(claim.approvedAt) : '',
    joinValues(claim.appearances.map((a) => a.articleTitle)),
    joinValues(claim.appearances.map((a) => exportedUrl(a.sourceUrl))),
    joinValues(claim.evidence.map((e) => exportedUrl(e.url))),
  ];
}

/** The header record (preceded by the BOM unless `bom` is false). */
export function csvHeader({ bom = true }: CsvOptions = {}): string {
  return (bom ? CSV_BOM : '') + csvRecord(CSV_COLUMNS);
}

/** Streams claims as CSV: the header, then one record per included claim. */
export async function* toCsv(
  claims: ClaimSource,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  const filter = options.filter ?? DEFAULT_CLAIM_FILTER;
  yield csvHeader(options);
  yield* writeClaimBatches(claims, (claim) =>
    isClaimIncluded(claim, filter) ? csvRecord(claimCsvValues(claim)) : '',
  );
}

/** `toCsv` for a synchronous list. */
export function* toCsvSync(
  claims: Iterable<ExportClaim>,
  options: CsvOptions = {},
): Generator<string, void, undefined> {
  const filter = options.filter ?? DEFAULT_CLAIM_FILTER;
  yield csvHeader(options);
  for (const claim of claims) {
    if (isClaimIncluded(claim, filter)) yield csvRecord(claimCsvValues(claim));
  }
}

/** Distinct non-empty values in first-seen order, one per line. */
function joinValues(values: readonly (string | null)[]): string {
  // Most claims have one span and one source: no set needed.
  if (values.length === 1) return values[0] || '';
  const seen = new Set<string>();
  for (const value of values) {
    if (value) seen.add(value);
  }
  return [...seen].join(CSV_MULTI_VALUE_SEPARATOR);
}
