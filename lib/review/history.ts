/**
 * A claim's history, read from the append-only AuditEvent rows: every change to the claim, its
 * spans, its evidence and its review state, with who made it, when, and the values before and
 * after. Events are the claim's own (`entityType` 'Claim') and those of its spans ('Annotation':
 * the spans it has now, and any whose before/after JSON names the claim, e.g. removed ones) and
 * its "source changed since cited" alerts' ('EvidenceAlert': a dismissal).
 */
import { REVIEW_STATE_LABELS, VERDICT_LABELS, type ReviewState, type Verdict } from '../domain';

/** One changed field of a history entry, raw and as display text. */
export interface HistoryChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  beforeText: string;
  afterText: string;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  action: string;
  /** What happened, e.g. "Approved" or "Removed a span". */
  summary: string;
  /** Who did it; null for the application itself (e.g. re-anchoring after a text edit). */
  actor: { id: string; name: string } | null;
  changes: HistoryChange[];
  /** The review comment, reopen reason or the system's explanation. */
  note: string | null;
  /** For approvals: the hash of what was approved (lib/review's approval snapshot). */
  snapshotHash: string | null;
}

export interface AuditRow {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

const SUMMARIES: Record<string, string> = {
  'claim.create': 'Created the claim',
  'claim.edit': 'Edited the claim',
  'claim.submit': 'Submitted for review',
  'claim.approve': 'Approved',
  'claim.request_changes': 'Requested changes',
  'claim.reopen': 'Reopened',
  'claim.anchor_changed': 'Passage changed by a text revision',
  'claim.link_span': 'Linked a passage',
  'claim.remove_span': 'Removed a passage',
  'claim.reattach_span': 'Re-attached a passage',
  'claim.source_changed': 'The article’s source changed',
  'claim.delete': 'Deleted the claim',
  'claim.comment': 'Commented',
  'annotation.create': 'Added a span',
  'annotation.delete': 'Removed a span',
  'annotation.reattach': 'Re-attached a span',
  'annotation.reanchor': 'Re-anchored after a text revision',
  'evidence_alert.dismiss': 'Dismissed a “source changed since cited” alert',
};

const FIELD_LABELS: Record<string, string> = {
  text: 'Claim',
  claimant: 'Claimant',
  verdict: 'Verdict',
  rationale: 'Rationale',
  evidence: 'Evidence',
  reviewState: 'Review state',
  annotation: 'Span',
  span: 'Span',
  anchors: 'Spans',
  lastEditedById: 'Last edited by',
  alert: 'Source changed since cited',
};

/** The order fields are listed in. */
const FIELD_ORDER = [
  'text',
  'claimant',
  'verdict',
  'rationale',
  'evidence',
  'annotation',
  'anchors',
  'reviewState',
];

/** Bookkeeping fields that are not shown as changes. */
const HIDDEN_FIELDS = new Set([
  'version',
  'note',
  'snapshotHash',
  'claimId',
  'lastEditedById',
  'changedBy',
]);
/** Fields of a span event that together make up "the span". */
const SPAN_FIELDS = [
  'exact',
  'start',
  'end',
  'anchorState',
  'anchorScore',
  'revisionId',
  'articleId',
];
/** Fields of an alert event that together make up "the alert". */
const ALERT_FIELDS = ['url', 'quote', 'change', 'newQuote'];

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : null;
}

/** A value of a history change as text: labels for states and verdicts, "—" for nothing. */
export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'reviewState' && typeof value === 'string') {
    return REVIEW_STATE_LABELS[value as ReviewState] ?? value;
  }
  if (field === 'verdict' && typeof value === 'string') {
    return VERDICT_LABELS[value as Verdict] ?? value;
  }
  if (field === 'evidence' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((item) => {
        const e = asObject(item) ?? {};
        const title = typeof e.title === 'string' && e.title ? ` (${e.title})` : '';
        const quote = typeof e.quote === 'string' && e.quote ? ` “${e.quote}”` : '';
        return `${String(e.url ?? '')}${title}${quote}`;
      })
      .join('; ');
  }
  if (field === 'anchors' && Array.isArray(value)) {
    return value.map((a) => describeValue('span', a)).join('; ') || '—';
  }
  if (field === 'span' || field === 'annotation') {
    const span = asObject(value);
    if (!span) return String(value);
    const where =
      typeof span.start === 'number' && typeof span.end === 'number'
        ? ` at ${span.start}–${span.end}`
        : '';
    const score =
      typeof span.anchorScore === 'number' ? `, score ${span.anchorScore.toFixed(2)}` : '';
    const state =
      typeof span.anchorState === 'string' && span.anchorState !== 'EXACT'
        ? ` (${span.anchorState.toLowerCase()}${score})`
        : '';
    return `“${String(span.exact ?? '')}”${where}${state}`;
  }
  if (field === 'alert') {
    const alert = asObject(value);
    if (!alert) return String(value);
    const change = typeof alert.change === 'string' ? ` (${alert.change.toLowerCase()})` : '';
    const now = typeof alert.newQuote === 'string' ? `, now “${alert.newQuote}”` : '';
    return `“${String(alert.quote ?? '')}” at ${String(alert.url ?? '')}${change}${now}`;
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function change(field: string, before: unknown, after: unknown): HistoryChange {
  return {
    field,
    label: FIELD_LABELS[field] ?? field,
    before: before ?? null,
    after: after ?? null,
    beforeText: describeValue(field, before),
    afterText: describeValue(field, after),
  };
}

function pick(fields: readonly string[], value: Json | null): Json | null {
  if (!value) return null;
  const picked: Json = {};
  for (const key of fields) if (key in value) picked[key] = value[key];
  return Object.keys(picked).length ? picked : null;
}

/**
 * The fields that differ between an event's before and after (a created claim lists what it
 * was created with; a removed span what it was). Spans are shown as one value.
 */
export function diffEvent(action: string, before: unknown, after: unknown): HistoryChange[] {
  const b = asObject(before);
  const a = asObject(after);
  if (action.startsWith('annotation.')) {
    const from = pick(SPAN_FIELDS, b);
    const to = pick(SPAN_FIELDS, a);
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [change('span', from, to)];
  }
  if (action.startsWith('evidence_alert.')) {
    // The alert as one value: before a dismissal it is there, after it is gone.
    const from = pick(ALERT_FIELDS, b);
    const to = pick(ALERT_FIELDS, a);
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [change('alert', from, to)];
  }
  const changes: HistoryChange[] = [];
  // JSONB keeps no key order: show fields in a fixed one.
  const rank = (key: string) => {
    const i = FIELD_ORDER.indexOf(key);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].sort(
    (x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0),
  );
  for (const key of keys) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const from = b?.[key];
    const to = a?.[key];
    if (JSON.stringify(from ?? null) === JSON.stringify(to ?? null)) continue;
    if (
      action === 'claim.create' &&
      (to === null || to === '' || (Array.isArray(to) && !to.length))
    )
      continue;
    changes.push(change(key, from, to));
  }
  return changes;
}

/** One audit row as a history entry. */
export function toHistoryEntry(row: AuditRow): HistoryEntry {
  const after = asObject(row.after);
  return {
    id: row.id,
    at: row.createdAt,
    action: row.action,
    summary: SUMMARIES[row.action] ?? row.action,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? 'A deleted user' } : null,
    changes: diffEvent(row.action, row.before, row.after),
    note: typeof after?.note === 'string' ? after.note : null,
    snapshotHash: typeof after?.snapshotHash === 'string' ? after.snapshotHash : null,
  };
}
