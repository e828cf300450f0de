'use client';

/**
 * The claim side-panel form: claim, claimant, verdict, rationale and evidence. Used to create a
 * claim on a selection and to edit one; on a version conflict it shows both versions and lets
 * the user reapply their change on top of the other person's. After a refused submit it marks
 * what the claim lacks as the claim page does (components/review/missing-fields).
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { claimTextWarnings } from '@/lib/claim-text';
import type { ClaimDTO, EvidenceDTO } from '@/lib/api/types';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '@/lib/domain';
import { needsEvidence, type MissingField } from '@/lib/review/validation';
import { EvidenceCapture } from '@/components/evidence/evidence-capture';
import { useMissingFields } from '@/components/review/missing-fields';
import type { ClaimDraft } from '@/lib/workspace/claim-draft';
import { PanelError } from './panel-error';
import styles from './panels.module.css';
import ui from '@/components/ui/ui.module.css';

type ClaimFormValues = ClaimDraft;

interface Props {
  heading: string;
  initial: ClaimFormValues;
  quote?: string;
  error?: string | null;
  /** The other person's version when the last save hit a conflict. */
  conflict?: ClaimDTO | null;
  readOnlyReason?: string | null;
  onSave(values: ClaimFormValues): void;
  onCancel(): void;
  onUseTheirs?(): void;
  onDelete?(): void;
  /** The fields a refused submit named, each marked with its reason beside it. */
  missing?: readonly MissingField[];
  /** Bumped on each refusal: focus moves to the first missing field. */
  focusRequest?: number;
}

const NONE: readonly MissingField[] = [];

const blankEvidence = (): EvidenceDTO => ({
  url: '',
  title: null,
  quote: null,
  accessedAt: new Date().toISOString().slice(0, 10),
});

export function ClaimForm({
  heading,
  initial,
  quote,
  error,
  conflict,
  readOnlyReason,
  onSave,
  onCancel,
  onUseTheirs,
  onDelete,
  missing = NONE,
  focusRequest = 0,
}: Props) {
  const [values, setValues] = useState<ClaimFormValues>(initial);
  const set = <K extends keyof ClaimFormValues>(key: K, value: ClaimFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setEvidence = (index: number, patch: Partial<EvidenceDTO>) =>
    set(
      'evidence',
      values.evidence.map((e, i) => (i === index ? { ...e, ...patch } : e)),
    );
  const warnings = claimTextWarnings(values.text);
  const disabled = Boolean(readOnlyReason);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!disabled) onSave(values);
  }

  // A refusal for want of evidence points at a source's address: the first blank one, in a new
  // row when there is none (added as the request comes in, so the focus finds it).
  const [seenRequest, setSeenRequest] = useState(focusRequest);
  if (seenRequest !== focusRequest) {
    setSeenRequest(focusRequest);
    if (missing.some((m) => m.field === 'evidence') && values.evidence.length === 0) {
      set('evidence', [blankEvidence()]);
    }
  }
  const evidenceTarget = Math.max(
    0,
    values.evidence.findIndex((e) => !e.url.trim()),
  );
  const form = useRef<HTMLFormElement>(null);
  const { marked, reason } = useMissingFields(missing, focusRequest, form);

  // A new claim starts in its first field (an opened claim's focus is the workspace's call).
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (quote) first.current?.focus();
  }, [quote]);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form
      ref={form}
      className={styles.claimForm}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={heading}
    >
      <h2 tabIndex={-1}>{heading}</h2>
      {quote && <blockquote className={styles.quote}>{quote}</blockquote>}
      {readOnlyReason && (
        <p className={`${ui.alert} ${ui.error}`} role="alert">
          {readOnlyReason}
        </p>
      )}
      <fieldset disabled={disabled}>
        <label>
          Claim
          <textarea
            ref={first}
            value={values.text}
            onChange={(e) => set('text', e.target.value)}
            rows={3}
            required
          />
        </label>
        {warnings.map((w) => (
          <p key={w} className={styles.hintWarn}>
            {w}
          </p>
        ))}
        <label>
          Claimant
          <input
            value={values.claimant}
            onChange={(e) => set('claimant', e.target.value)}
            placeholder="Who makes the claim"
          />
        </label>
        <label>
          Verdict
          <select
            value={values.verdict}
            onChange={(e) => set('verdict', e.target.value as Verdict)}
            {...marked('verdict')}
          >
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        {reason('verdict')}
        <label>
          Rationale
          <textarea
            value={values.rationale}
            onChange={(e) => set('rationale', e.target.value)}
            rows={4}
            {...marked('rationale')}
          />
        </label>
        {reason('rationale')}
        <fieldset className={styles.evidence}>
          <legend>Evidence</legend>
          {needsEvidence(values.verdict) && values.evidence.every((e) => !e.url.trim()) && (
            <p className={`${ui.muted} ${ui.small}`} role="note">
              A {VERDICT_LABELS[values.verdict]} verdict needs at least one evidence source before
              it can be submitted for review.
            </p>
          )}
          {values.evidence.map((evidence, index) => (
            <div
              className={styles.evidenceRow}
              key={index}
              role="group"
              aria-label={`Evidence ${index + 1}`}
            >
              <label>
                URL
                <input
                  type="url"
                  value={evidence.url}
                  onChange={(e) =>
                    // Another address is another source: its stored copy no longer applies.
                    setEvidence(index, {
                      url: e.target.value,
                      captureId: null,
                      quoteStart: null,
                      quoteEnd: null,
                      quoteAnchor: null,
                    })
                  }
                  required
                  {...(index === evidenceTarget ? marked('evidence') : {})}
                />
              </label>
              {index === evidenceTarget && reason('evidence')}
              <label>
                Title
                <input
                  value={evidence.title ?? ''}
                  onChange={(e) => setEvidence(index, { title: e.target.value || null })}
                />
              </label>
              <label>
                Quoted passage
                <textarea
                  rows={2}
                  value={evidence.quote ?? ''}
                  onChange={(e) =>
                    // A typed quote is placed again by the server (or "Find quote in copy").
                    setEvidence(index, {
                      quote: e.target.value || null,
                      quoteStart: null,
                      quoteEnd: null,
                      quoteAnchor: null,
                    })
                  }
                />
              </label>
              <EvidenceCapture
                evidence={evidence}
                number={index + 1}
                disabled={disabled}
                onChange={(patch) => setEvidence(index, patch)}
              />
              <label>
                Accessed
                <input
                  type="date"
                  value={evidence.accessedAt ?? ''}
                  onChange={(e) => setEvidence(index, { accessedAt: e.target.value || null })}
                />
              </label>
              <button
                type="button"
                className={`${ui.secondary} ${ui.small}`}
                onClick={() =>
                  set(
                    'evidence',
                    values.evidence.filter((_, i) => i !== index),
                  )
                }
              >
                Remove evidence {index + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className={`${ui.secondary} ${ui.small}`}
            onClick={() => set('evidence', [...values.evidence, blankEvidence()])}
          >
            Add evidence
          </button>
        </fieldset>
      </fieldset>
      <PanelError message={error} />
      {conflict && (
        <section className={styles.conflict} aria-label="Conflicting versions">
          <p>
            <strong>{conflict.lastEditedBy?.name ?? conflict.author.name}</strong> saved this claim
            after you opened it. Nothing was overwritten.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Theirs (saved)</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Claim', conflict.text, values.text],
                  ['Claimant', conflict.claimant ?? '', values.claimant],
                  ['Verdict', VERDICT_LABELS[conflict.verdict], VERDICT_LABELS[values.verdict]],
                  ['Rationale', conflict.rationale, values.rationale],
                  [
                    'Evidence',
                    conflict.evidence.map((e) => e.url).join(' '),
                    values.evidence.map((e) => e.url).join(' '),
                  ],
                ] as const
              ).map(([field, theirs, yours]) => (
                <tr key={field} className={theirs === yours ? undefined : styles.differs}>
                  <th scope="row">{field}</th>
                  <td>{theirs}</td>
                  <td>{yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={ui.formRow}>
            <button type="submit">Reapply my changes</button>
            <button type="button" className={ui.secondary} onClick={onUseTheirs}>
              Use their version
            </button>
          </div>
        </section>
      )}
      {!conflict && (
        <div className={ui.formRow}>
          <button type="submit" disabled={disabled} aria-keyshortcuts="Control+Enter">
            Save claim
          </button>
          <button type="button" className={ui.secondary} onClick={onCancel}>
            Cancel
          </button>
          {onDelete && (
            <button type="button" className={ui.danger} onClick={onDelete} disabled={disabled}>
              Delete claim
            </button>
          )}
        </div>
      )}
    </form>
  );
}
