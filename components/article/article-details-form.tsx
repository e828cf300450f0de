'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ArticleDetailValues } from '@/lib/articles';
import ui from '@/components/ui/ui.module.css';
import styles from './article-details.module.css';

type FieldErrors = Partial<Record<keyof ArticleDetailValues, string>>;

const FIELDS: { key: keyof ArticleDetailValues; label: string; type: string }[] = [
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'byline', label: 'Byline', type: 'text' },
  { key: 'sourceName', label: 'Source name', type: 'text' },
  { key: 'sourceUrl', label: 'Source address (URL)', type: 'url' },
  { key: 'publishedAt', label: 'Published on', type: 'date' },
];

/**
 * "Edit details" on the article page: corrects title, byline, source and date through
 * PATCH /api/articles/:id; shows each refused field's message beside it and keeps the input,
 * and says how many approved claims a new source or date sent back to review.
 */
export function ArticleDetailsForm({
  articleId,
  initial,
}: {
  articleId: string;
  initial: ArticleDetailValues;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = Object.fromEntries(FIELDS.map(({ key }) => [key, String(data.get(key) ?? '')]));
    setSaving(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/articles/${articleId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => null)) as {
        backToReview?: number;
        error?: { message: string; issues?: { path: string; message: string }[] };
      } | null;
      if (!response.ok) {
        const fieldErrors: FieldErrors = {};
        for (const issue of json?.error?.issues ?? []) {
          fieldErrors[issue.path as keyof ArticleDetailValues] = issue.message;
        }
        setErrors(fieldErrors);
        setMessage({ kind: 'error', text: json?.error?.message ?? 'The details were not saved.' });
        return;
      }
      setErrors({});
      const sentBack = json?.backToReview ?? 0;
      setMessage({
        kind: 'success',
        text:
          sentBack === 0
            ? 'Details saved.'
            : `Details saved. The source changed, so ${
                sentBack === 1 ? '1 approved claim goes' : `${sentBack} approved claims go`
              } back to review.`,
      });
      router.refresh();
    } catch {
      setMessage({ kind: 'error', text: 'The server could not be reached; nothing was saved.' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <details className={styles.details}>
      <summary>Edit details</summary>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Article details">
        {FIELDS.map(({ key, label, type }) => (
          <label key={key}>
            {label}
            <input
              name={key}
              type={type}
              defaultValue={initial[key] ?? ''}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? `${key}-error` : undefined}
            />
            {errors[key] && (
              <span id={`${key}-error`} className={styles.fieldError}>
                {errors[key]}
              </span>
            )}
          </label>
        ))}
        <div className={styles.actions}>
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save details'}
          </button>
          {message && (
            <p
              className={`${ui.alert} ${ui[message.kind]}`}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}
