'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { applyKeeps } from '@/lib/import/assemble';
import { matchLabel, matchesHeading } from '@/lib/import/library-match-wording';
import type { CleanResult, RemovedBlock } from '@/lib/import/types';
import type { LibraryMatch } from '@/server/import/library-matches';
import type { ImportPreview } from '@/server/import/preview';
import { RemovedList } from './removed-list';
import styles from './rejoin.module.css';
import ui from '@/components/ui/ui.module.css';
import importStyles from '@/components/import/import.module.css';

type Source = 'paste' | 'upload' | 'url';

const SOURCES: { value: Source; label: string }[] = [
  { value: 'paste', label: 'Paste text or HTML' },
  { value: 'upload', label: 'Upload a file' },
  { value: 'url', label: 'From a web address' },
];

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx';

interface ApiError {
  message: string;
  matches?: LibraryMatch[];
  /** Which button it answers: a refused save is shown beside Save, where the user is. */
  from?: 'preview' | 'save';
}

/** The error an API call answered with, in words (field issues appended). */
async function readError(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as {
    error?: {
      message?: string;
      issues?: { path: string; message: string }[];
      matches?: LibraryMatch[];
    };
  } | null;
  const issues = payload?.error?.issues?.map((i) => `${i.path}: ${i.message}`).join(' ');
  return {
    message: [payload?.error?.message ?? `Request failed (${response.status}).`, issues]
      .filter(Boolean)
      .join(' '),
    matches: payload?.error?.matches,
  };
}

interface Metadata {
  title: string;
  byline: string;
  sourceName: string;
  publishedAt: string;
  sourceUrl: string;
}

function metadataOf(preview: ImportPreview): Metadata {
  const m = preview.metadata;
  return {
    title: m.title ?? '',
    byline: m.byline ?? '',
    sourceName: m.sourceName ?? '',
    publishedAt: m.publishedAt ?? '',
    sourceUrl: m.sourceUrl ?? '',
  };
}

function Matches({ matches }: { matches: LibraryMatch[] }) {
  return (
    <ul className={importStyles.importMatches}>
      {matches.map((match) => (
        <li key={match.id}>
          <a href={`/articles/${match.id}`}>{match.title}</a>{' '}
          <span className={ui.muted}>({matchLabel(match)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The Import page: choose an input, preview the cleaned article beside what was removed (keep
 * any of it back with one click, or edit the text), correct the metadata, save. Everything
 * from the imported page is shown as text; nothing of it is rendered as HTML.
 */
export function ImportForm() {
  const router = useRouter();
  const [source, setSource] = useState<Source>('paste');
  const [pending, setPending] = useState<'preview' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [keep, setKeep] = useState<string[]>([]);
  const [metadata, setMetadata] = useState<Metadata | null>(null);
  const [edited, setEdited] = useState<string | null>(null);
  const [allowDuplicate, setAllowDuplicate] = useState(false);

  const base: CleanResult | null = useMemo(
    () =>
      preview && {
        text: preview.text,
        blocks: [],
        removed: preview.removed,
        kept: [],
        metadata: preview.metadata,
        segments: preview.segments,
      },
    [preview],
  );
  const result = useMemo(() => (base ? applyKeeps(base, keep) : null), [base, keep]);
  const groups: RemovedBlock[] = useMemo(
    () => (result ? [...result.removed, ...result.kept].sort((a, b) => a.start - b.start) : []),
    [result],
  );
  const keptStarts = useMemo(
    () => new Set(result?.kept.flatMap((g) => g.ranges.map((r) => r.start)) ?? []),
    [result],
  );

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let init: RequestInit;
    if (source === 'upload') {
      const file = form.get('file');
      if (!(file instanceof File) || !file.name) {
        setError({ message: 'Choose a file to upload.' });
        return;
      }
      const body = new FormData();
      body.set('file', file);
      init = { method: 'POST', body };
    } else {
      const payload =
        source === 'paste'
          ? { kind: 'text', text: String(form.get('text') ?? '') }
          : { kind: 'url', url: String(form.get('url') ?? '') };
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      };
    }
    setPending('preview');
    setError(null);
    try {
      const response = await fetch('/api/import/preview', init);
      if (!response.ok) {
        setError(await readError(response));
        return;
      }
      const { preview: next } = (await response.json()) as { preview: ImportPreview };
      setPreview(next);
      setMetadata(metadataOf(next));
      setKeep([]);
      setEdited(null);
      setAllowDuplicate(false);
    } catch {
      setError({ message: 'The server could not be reached. Try again.' });
    } finally {
      setPending(null);
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview || !result || !metadata) return;
    setPending('save');
    setError(null);
    try {
      const response = await fetch('/api/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...metadata,
          text: edited ?? result.text,
          rawInput: preview.rawInput,
          allowDuplicate,
          // An import by URL is watched there for changes (issue #15).
          fetchedUrl: preview.source.kind === 'url' ? preview.source.url : null,
        }),
      });
      if (!response.ok) {
        setError({ ...(await readError(response)), from: 'save' });
        return;
      }
      const { article } = (await response.json()) as { article: { id: string } };
      router.push(`/articles/${article.id}`);
    } catch {
      setError({ message: 'The server could not be reached. Try again.', from: 'save' });
    } finally {
      setPending(null);
    }
  }

  const toggleKeep = (id: string) =>
    setKeep((current) =>
      current.includes(id) ? current.filter((k) => k !== id) : [...current, id],
    );
  const field = (key: keyof Metadata) => ({
    value: metadata?.[key] ?? '',
    onChange: (e: { target: { value: string } }) =>
      setMetadata((m) => (m ? { ...m, [key]: e.target.value } : m)),
  });
  const matches = preview?.libraryMatches ?? [];
  const duplicateRefused = !!error?.matches?.length;

  return (
    <>
      <section
        className={`${ui.panel} ${importStyles.importSource}`}
        aria-labelledby="import-source-heading"
      >
        <h2 id="import-source-heading" className={ui.visuallyHidden}>
          What to import
        </h2>
        <form onSubmit={onPreview}>
          <fieldset className={importStyles.importChoice}>
            <legend>Import from</legend>
            {SOURCES.map((option) => (
              <label
                key={option.value}
                className={source === option.value ? importStyles.selected : ''}
              >
                <input
                  type="radio"
                  name="source"
                  value={option.value}
                  checked={source === option.value}
                  onChange={() => setSource(option.value)}
                />
                {option.label}
              </label>
            ))}
          </fieldset>
          {source === 'paste' && (
            <label>
              Text or HTML
              <textarea
                name="text"
                rows={10}
                spellCheck={false}
                placeholder="Paste the article as copied from the page, or its HTML source"
              />
            </label>
          )}
          {source === 'upload' && (
            <label>
              File (.txt, .md, .html or .docx, up to 5 MB)
              <input name="file" type="file" accept={ACCEPT} />
            </label>
          )}
          {source === 'url' && (
            <label>
              Web address
              <input name="url" type="url" placeholder="https://example.org/news/article" />
            </label>
          )}
          <div>
            <button type="submit" disabled={pending !== null}>
              {pending === 'preview' ? 'Cleaning…' : 'Preview'}
            </button>
          </div>
        </form>
      </section>

      {error && error.from !== 'save' && <ErrorAlert error={error} />}

      {preview && result && metadata && (
        <section aria-labelledby="preview-heading" className={importStyles.importPreview}>
          <h2 id="preview-heading">Preview</h2>
          {preview.notices.map((notice) => (
            <div key={notice} role="status" className={`${ui.alert} ${ui.warning}`}>
              <p>{notice}</p>
            </div>
          ))}
          {matches.length > 0 && (
            <div role="status" className={`${ui.alert} ${ui.warning}`}>
              <p>{matchesHeading(matches[0]!)}</p>
              <Matches matches={matches} />
            </div>
          )}

          <form
            id="import-save"
            className={`${ui.panel} ${importStyles.importMeta}`}
            onSubmit={onSave}
          >
            <label className={importStyles.wide}>
              Title
              <input
                name="title"
                required
                maxLength={500}
                placeholder="The input names no title: give it one"
                {...field('title')}
              />
            </label>
            <label>
              Byline
              <input name="byline" maxLength={300} {...field('byline')} />
            </label>
            <label>
              Source
              <input name="sourceName" maxLength={300} {...field('sourceName')} />
            </label>
            <label>
              Published
              <input name="publishedAt" type="date" {...field('publishedAt')} />
            </label>
            <label className={importStyles.wide}>
              Source URL
              <input name="sourceUrl" type="url" maxLength={2000} {...field('sourceUrl')} />
            </label>
          </form>

          <div className={importStyles.importColumns}>
            <section className={ui.panel} aria-labelledby="import-article-heading">
              <div className={importStyles.importColumnHead}>
                <h3 id="import-article-heading">Article text as it will be saved</h3>
                {edited === null ? (
                  <button
                    type="button"
                    className={ui.secondary}
                    onClick={() => setEdited(result.text)}
                  >
                    Edit text
                  </button>
                ) : (
                  <button type="button" className={ui.secondary} onClick={() => setEdited(null)}>
                    Discard edits
                  </button>
                )}
              </div>
              {edited !== null ? (
                <>
                  {/* A separate label: one wrapping the field would take its text into the name. */}
                  <label htmlFor="import-edit-text">Article text</label>
                  <textarea
                    id="import-edit-text"
                    className={importStyles.importEdit}
                    value={edited}
                    onChange={(e) => setEdited(e.target.value)}
                    rows={24}
                  />
                </>
              ) : (
                <div
                  className={importStyles.importArticle}
                  role="region"
                  aria-label="Cleaned article"
                >
                  {result.blocks.length === 0 && (
                    <p className={ui.muted}>Nothing is left: keep some of the removed blocks.</p>
                  )}
                  {result.blocks.map((block) =>
                    block.kind === 'heading' ? (
                      <h4
                        key={block.sources[0]!.start}
                        className={`${importStyles.importHeading} ${keptStarts.has(block.sources[0]!.start) ? importStyles.kept : ''}`}
                      >
                        {block.text}
                      </h4>
                    ) : (
                      <p
                        key={block.sources[0]!.start}
                        className={
                          keptStarts.has(block.sources[0]!.start) ? importStyles.kept : undefined
                        }
                      >
                        <RejoinedText text={block.text} joins={block.joins} />
                      </p>
                    ),
                  )}
                </div>
              )}
            </section>
            <RemovedList
              groups={groups}
              keep={keep}
              onToggle={toggleKeep}
              showLines={preview.linesInRawInput}
              locked={edited !== null}
            />
          </div>

          <div className={importStyles.importActions}>
            {(matches.length > 0 || duplicateRefused) && (
              <label className={ui.inline}>
                <input
                  type="checkbox"
                  checked={allowDuplicate}
                  onChange={(e) => setAllowDuplicate(e.target.checked)}
                />
                {/* The words the refusal uses ("Save anyway to import it again"). */}
                Save anyway
              </label>
            )}
            <button type="submit" form="import-save" disabled={pending !== null}>
              {pending === 'save' ? 'Saving…' : 'Save article'}
            </button>
          </div>
          {/* Under the button just pressed: scrolled to, it brings the button into view too. */}
          {error?.from === 'save' && <ErrorAlert error={error} />}
        </section>
      )}
    </>
  );
}

/** An answer's error, brought into view when it appears (the page may be scrolled far). */
function ErrorAlert({ error }: { error: ApiError }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <div ref={box} role="alert" className={`${ui.alert} ${ui.error}`}>
      <p>{error.message}</p>
      {error.matches?.length ? <Matches matches={error.matches} /> : null}
    </div>
  );
}

/** A paragraph's text with a mark where a sentence cut by removed furniture was rejoined. */
function RejoinedText({ text, joins }: { text: string; joins?: number[] }) {
  if (!joins?.length) return <>{text}</>;
  const bounds = [0, ...joins, text.length];
  return (
    <>
      {bounds.slice(1).map((end, i) => (
        <span key={bounds[i]}>
          {i > 0 && (
            // The sign comes from CSS, so the article's text (copy, search, tests) is unchanged.
            <mark
              className={styles.rejoin}
              title="A sentence cut in two by removed page furniture was rejoined here"
              aria-label="rejoined here"
            />
          )}
          {text.slice(bounds[i], end)}
        </span>
      ))}
    </>
  );
}
