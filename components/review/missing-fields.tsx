'use client';

/**
 * The fields a refused submit named, marked where the user fixes them: the claim page's edit
 * form and the article workspace's claim panel share this, so both say the same thing the same
 * way. Each missing field gets `aria-invalid` and its reason beside it (`aria-describedby`); a
 * new focus request moves focus to the first of them.
 */
import { useEffect, useId, type ReactNode, type RefObject } from 'react';
import type { MissingField, SubmissionField } from '@/lib/review/validation';
import styles from './missing-fields.module.css';

export interface MissingFieldMarks {
  /** The attributes tying a field to the reason it is missing, when it is ({} otherwise). */
  marked(field: SubmissionField): { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** The reason to show beside the field, or null when it is not missing. */
  reason(field: SubmissionField): ReactNode;
}

/**
 * Marks `missing` inside `container`; each new `focusRequest` (a counter, 0 for none) focuses
 * the first marked field in document order and scrolls it into view. The fields are in the
 * order a refusal names them, so that is the first missing one.
 */
export function useMissingFields(
  missing: readonly MissingField[],
  focusRequest: number,
  container: RefObject<HTMLElement | null>,
): MissingFieldMarks {
  const ids = useId();
  // Only a new request moves focus, not a re-render with the same fields.
  useEffect(() => {
    const field =
      focusRequest > 0 && container.current?.querySelector<HTMLElement>('[aria-invalid]');
    if (!field) return;
    field.focus({ preventScroll: true });
    // The whole form in view when it fits (every reason shows), the focused field in any case.
    container.current?.scrollIntoView({ block: 'nearest' });
    field.scrollIntoView({ block: 'nearest' });
  }, [focusRequest, container]);

  const reasonOf = (field: SubmissionField) => missing.find((m) => m.field === field)?.reason;
  return {
    marked: (field) =>
      reasonOf(field) ? { 'aria-invalid': true, 'aria-describedby': `${ids}-${field}` } : {},
    reason(field) {
      const text = reasonOf(field);
      return text ? (
        <span id={`${ids}-${field}`} className={styles.reason}>
          {text}
        </span>
      ) : null;
    },
  };
}
