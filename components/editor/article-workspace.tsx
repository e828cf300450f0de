'use client';

/**
 * The article page's working area: the text with its highlights, and the side panel that lists
 * the article's claims, creates, links and edits them, and deals with orphaned highlights.
 * React only dispatches highlight actions to the view and keeps the claim data.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ANCHOR_STATES,
  REVIEW_STATES,
  REVIEW_STATE_LABELS,
  VERDICTS,
  VERDICT_LABELS,
  type AnchorState,
  type ReviewState,
  type Verdict,
} from '@/lib/domain';
import { canDeleteClaim, canEditClaim } from '@/lib/review/permissions';
import { splitParagraphs } from '@/lib/text';
import { VERDICT_COLORS } from '@/lib/verdict-style';
import { api, describeError } from './api';
import { ArticleView, type ArticleViewHandle, type TextHighlight } from './article-view';
import { ClaimForm, valuesOf, type ClaimFormValues } from './claim-form';
import type { AnnotationDTO, ArticleAnnotationsDTO, ClaimDTO, WorkspaceUser } from './types';

type Span = { start: number; end: number };
type Panel =
  | { kind: 'list' }
  | { kind: 'new'; span: Span }
  | { kind: 'edit'; claimId: string; conflict: ClaimDTO | null; draft: ClaimFormValues | null }
  | { kind: 'link'; span: Span }
  | { kind: 'editText' };

const ANCHOR_LABELS: Record<AnchorState, string> = {
  EXACT: 'exact',
  MOVED: 'moved',
  FUZZY: 'fuzzy',
  ORPHANED: 'orphaned',
};

function forPermissions(claim: ClaimDTO) {
  return {
    ...claim,
    lastEditedById: claim.lastEditedBy?.id ?? null,
    changedBy: claim.changedBy ?? [],
    anchors: [],
  };
}

function highlightOf(annotation: AnnotationDTO, claim: ClaimDTO | undefined): TextHighlight {
  const verdict = claim?.verdict ?? 'UNVERIFIED';
  return {
    annotationId: annotation.id,
    claimId: annotation.claimId,
    start: annotation.start,
    end: annotation.end,
    color: VERDICT_COLORS[verdict],
    title: claim ? `${claim.text}\n${VERDICT_LABELS[verdict]} · by ${claim.author.name}` : '',
  };
}

function anchorBadge(annotation: AnnotationDTO) {
  const label = ANCHOR_LABELS[annotation.anchorState];
  return annotation.anchorState === 'FUZZY' && annotation.anchorScore !== null
    ? `${label} ${annotation.anchorScore.toFixed(2)}`
    : label;
}

export function ArticleWorkspace({
  articleId,
  initial,
  user,
}: {
  articleId: string;
  initial: ArticleAnnotationsDTO;
  user: WorkspaceUser;
}) {
  const [data, setData] = useState(initial);
  const [panel, setPanel] = useState<Panel>({ kind: 'list' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [picker, setPicker] = useState<{ claimIds: string[]; x: number; y: number } | null>(null);
  const [filters, setFilters] = useState<{ verdict: Verdict | ''; reviewState: ReviewState | '' }>({
    verdict: '',
    reviewState: '',
  });
  const [activeClaimId, setActiveClaimId] = useState<string | null>(null);
  const view = useRef<ArticleViewHandle>(null);

  const paragraphs = useMemo(() => splitParagraphs(data.revision.text), [data.revision.text]);
  const claimsById = useMemo(() => new Map(data.claims.map((c) => [c.id, c])), [data.claims]);
  const highlights = useMemo(
    () => data.annotations.map((a) => highlightOf(a, claimsById.get(a.claimId))),
    [data.annotations, claimsById],
  );

  /** Claims of this article in text order (by their first placed span), filtered. */
  const orderedClaims = useMemo(() => {
    const first = new Map<string, number>();
    for (const a of data.annotations) if (!first.has(a.claimId)) first.set(a.claimId, a.start);
    return [...data.claims]
      .sort((a, b) => (first.get(a.id) ?? Infinity) - (first.get(b.id) ?? Infinity))
      .filter(
        (c) =>
          (!filters.verdict || c.verdict === filters.verdict) &&
          (!filters.reviewState || c.reviewState === filters.reviewState),
      );
  }, [data.annotations, data.claims, filters]);

  /** Spans not at their original place, per claim, for the badges in the list. */
  const movedByClaim = useMemo(() => {
    const map = new Map<string, AnnotationDTO[]>();
    for (const a of data.annotations) {
      if (a.anchorState !== 'EXACT') map.set(a.claimId, [...(map.get(a.claimId) ?? []), a]);
    }
    return map;
  }, [data.annotations]);

  const anchorCounts = useMemo(() => {
    const counts = Object.fromEntries(ANCHOR_STATES.map((s) => [s, 0])) as Record<
      AnchorState,
      number
    >;
    for (const a of data.annotations) counts[a.anchorState]++;
    counts.ORPHANED += data.orphans.length;
    return counts;
  }, [data.annotations, data.orphans]);

  const reload = useCallback(async () => {
    const result = await api<ArticleAnnotationsDTO>(`/api/articles/${articleId}/annotations`);
    if (!result.ok) return setError(describeError(result.error));
    const next = result.data;
    const sameText = next.revision.id === data.revision.id;
    setData(next);
    if (sameText) {
      const byId = new Map(next.claims.map((c) => [c.id, c]));
      view.current?.dispatchHighlights({
        type: 'reset',
        highlights: next.annotations.map((a) => highlightOf(a, byId.get(a.claimId))),
      });
    }
  }, [articleId, data.revision.id]);

  const focusClaim = useCallback(
    (claimId: string) => {
      setActiveClaimId(claimId);
      const annotation = data.annotations.find((a) => a.claimId === claimId);
      if (!annotation) return;
      view.current?.scrollToOffset(annotation.start);
      for (const element of document.querySelectorAll(`[data-annotation-id~="${annotation.id}"]`)) {
        element.classList.remove('flash');
        void (element as HTMLElement).offsetWidth; // restart the animation
        element.classList.add('flash');
      }
    },
    [data.annotations],
  );

  const startNewClaim = useCallback(() => {
    const span = view.current?.selection();
    if (!span) return setNotice('Select a passage of the article first.');
    setError(null);
    setPanel({ kind: 'new', span });
  }, []);

  const startLink = useCallback(() => {
    const span = view.current?.selection();
    if (!span) return setNotice('Select a passage of the article first.');
    setError(null);
    setPanel({ kind: 'link', span });
  }, []);

  // Keyboard: A adds a claim on the selection, J/K move between claims, Escape closes the panel.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, form, [role="dialog"]')) return;
      if (event.key === 'a') {
        event.preventDefault();
        startNewClaim();
      } else if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        if (orderedClaims.length === 0) return;
        const index = orderedClaims.findIndex((c) => c.id === activeClaimId);
        const next =
          event.key === 'j'
            ? Math.min(index + 1, orderedClaims.length - 1)
            : Math.max(index - 1, 0);
        focusClaim(orderedClaims[index === -1 ? 0 : next]!.id);
      } else if (event.key === 'Escape') {
        setPanel({ kind: 'list' });
        setPicker(null);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [orderedClaims, activeClaimId, focusClaim, startNewClaim]);

  async function createClaim(span: Span, values: ClaimFormValues) {
    setError(null);
    const result = await api<{ claim: ClaimDTO }>('/api/claims', 'POST', {
      span: { articleId, revisionId: data.revision.id, ...span },
      claim: toPayload(values),
    });
    if (!result.ok) {
      if (result.error.status === 409) await reload();
      return setError(describeError(result.error));
    }
    const { claim } = result.data;
    const annotation: AnnotationDTO = {
      id: claim.appearances.find((a) => a.articleId === articleId)!.annotationId,
      claimId: claim.id,
      revisionId: data.revision.id,
      start: span.start,
      end: span.end,
      exact: data.revision.text.slice(span.start, span.end),
      prefix: '',
      suffix: '',
      anchorState: 'EXACT',
      anchorScore: null,
      createdById: user.id,
    };
    // Add just this highlight: the view maps its decoration set instead of rebuilding it.
    performance.mark('factmark:claim-add:start');
    view.current?.dispatchHighlights({ type: 'add', highlights: [highlightOf(annotation, claim)] });
    setData((d) => ({
      ...d,
      claims: [...d.claims, claim],
      annotations: [...d.annotations, annotation].sort(
        (a, b) => a.start - b.start || b.end - a.end,
      ),
    }));
    requestAnimationFrame(() =>
      performance.measure('factmark:claim-add', 'factmark:claim-add:start'),
    );
    setPanel({ kind: 'list' });
    setNotice('Claim saved.');
    setActiveClaimId(claim.id);
  }

  async function saveClaim(claim: ClaimDTO, values: ClaimFormValues, version: number) {
    setError(null);
    const result = await api<{ claim: ClaimDTO }>(`/api/claims/${claim.id}`, 'PATCH', {
      version,
      ...toPayload(values),
    });
    if (!result.ok) {
      if (result.error.status === 409 && result.error.current) {
        return setPanel({
          kind: 'edit',
          claimId: claim.id,
          conflict: result.error.current as ClaimDTO,
          draft: values,
        });
      }
      return setError(describeError(result.error));
    }
    setPanel({ kind: 'list' });
    setNotice('Claim saved.');
    await reload();
  }

  async function deleteClaim(claim: ClaimDTO) {
    if (
      !window.confirm(
        `Delete the claim “${claim.text}” and its ${claim.appearances.length} highlight(s)? This cannot be undone.`,
      )
    )
      return;
    const result = await api(`/api/claims/${claim.id}`, 'DELETE');
    if (!result.ok) return setError(describeError(result.error));
    setPanel({ kind: 'list' });
    setNotice('Claim deleted.');
    await reload();
  }

  async function removeHighlight(annotationId: string) {
    if (!window.confirm('Remove this highlight from its claim? The claim itself stays.')) return;
    const result = await api(`/api/annotations/${annotationId}`, 'DELETE');
    if (!result.ok) return setError(describeError(result.error));
    setNotice('Highlight removed.');
    await reload();
  }

  async function linkToClaim(claimId: string, span: Span) {
    const result = await api<{ claim: ClaimDTO }>(`/api/claims/${claimId}/annotations`, 'POST', {
      articleId,
      revisionId: data.revision.id,
      ...span,
    });
    if (!result.ok) return setError(describeError(result.error));
    setPanel({ kind: 'list' });
    setNotice('Passage linked to the claim.');
    await reload();
  }

  async function reattach(annotationId: string, span: Span) {
    const result = await api(`/api/annotations/${annotationId}`, 'PATCH', {
      articleId,
      revisionId: data.revision.id,
      ...span,
    });
    if (!result.ok) return setError(describeError(result.error));
    setNotice('Highlight attached.');
    await reload();
  }

  async function saveText(text: string) {
    setError(null);
    const result = await api<{
      revision: { number: number };
      summary: Record<AnchorState, number>;
    }>(`/api/articles/${articleId}/revisions`, 'POST', {
      baseRevisionId: data.revision.id,
      text,
    });
    if (!result.ok) return setError(describeError(result.error));
    const { revision, summary } = result.data;
    setPanel({ kind: 'list' });
    setNotice(
      `Revision ${revision.number} saved. Highlights: ${summary.EXACT} exact, ${summary.MOVED} moved, ${summary.FUZZY} fuzzy, ${summary.ORPHANED} orphaned.`,
    );
    await reload();
  }

  const editing = panel.kind === 'edit' ? claimsById.get(panel.claimId) : undefined;

  return (
    <div className="workspace">
      <div className="workspace-text">
        <div className="toolbar" role="toolbar" aria-label="Annotate">
          <button
            type="button"
            onClick={startNewClaim}
            disabled={!hasSelection}
            title="Add claim (A)"
            aria-keyshortcuts="a"
          >
            Add claim
          </button>
          <button
            type="button"
            className="secondary"
            onClick={startLink}
            disabled={!hasSelection}
            title="Attach the selection to a claim that exists"
          >
            Link to existing claim
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setPanel({ kind: 'editText' })}
          >
            Edit text
          </button>
          <span className="muted small">
            Revision {data.revision.number} · Keys: A add claim, J/K next/previous claim, Esc close
          </span>
        </div>
        <Legend />
        {notice && (
          <p className="alert success" role="status">
            {notice}
          </p>
        )}
        {panel.kind === 'editText' ? (
          <EditText
            text={data.revision.text}
            onSave={saveText}
            onCancel={() => setPanel({ kind: 'list' })}
            error={error}
          />
        ) : (
          <ArticleView
            ref={view}
            paragraphs={paragraphs}
            highlights={highlights}
            onSelectionChange={setHasSelection}
            onHighlightClick={(claimIds, at) => {
              if (claimIds.length === 1) {
                setActiveClaimId(claimIds[0]!);
                setPanel({ kind: 'edit', claimId: claimIds[0]!, conflict: null, draft: null });
              } else setPicker({ claimIds, x: at.x, y: at.y });
            }}
          />
        )}
        {picker && (
          <div
            className="picker"
            role="dialog"
            aria-label="Claims here"
            style={{ left: picker.x, top: picker.y }}
          >
            <p className="muted small">{picker.claimIds.length} claims cover this passage:</p>
            <ul>
              {picker.claimIds.map((id) => {
                const claim = claimsById.get(id);
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setPicker(null);
                        setActiveClaimId(id);
                        setPanel({ kind: 'edit', claimId: id, conflict: null, draft: null });
                      }}
                    >
                      <span
                        className="swatch"
                        style={{ background: claim ? VERDICT_COLORS[claim.verdict] : undefined }}
                      />{' '}
                      {claim?.text ?? id}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="button" className="secondary small" onClick={() => setPicker(null)}>
              Close
            </button>
          </div>
        )}
      </div>

      <aside className="side-panel" aria-label="Claims panel">
        {panel.kind === 'new' && (
          <ClaimForm
            key={`new-${panel.span.start}-${panel.span.end}`}
            heading="New claim"
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            initial={{
              text: data.revision.text.slice(panel.span.start, panel.span.end).trim(),
              claimant: '',
              verdict: 'UNVERIFIED',
              rationale: '',
              evidence: [],
            }}
            error={error}
            onSave={(values) => createClaim(panel.span, values)}
            onCancel={() => setPanel({ kind: 'list' })}
          />
        )}
        {panel.kind === 'edit' && editing && (
          <>
            <ClaimForm
              key={`edit-${editing.id}-${editing.version}-${panel.conflict?.version ?? 0}`}
              heading="Edit claim"
              initial={panel.draft ?? valuesOf(editing)}
              error={error}
              conflict={panel.conflict}
              readOnlyReason={permissionReason(canEditClaim(user, forPermissions(editing)))}
              onSave={(values) =>
                saveClaim(editing, values, panel.conflict?.version ?? editing.version)
              }
              onUseTheirs={async () => {
                setPanel({ kind: 'list' });
                await reload();
              }}
              onCancel={() => setPanel({ kind: 'list' })}
              onDelete={
                canDeleteClaim(user, forPermissions(editing)).allowed
                  ? () => deleteClaim(editing)
                  : undefined
              }
            />
            <Appearances
              claim={editing}
              articleId={articleId}
              annotations={data.annotations}
              onRemove={removeHighlight}
            />
          </>
        )}
        {panel.kind === 'link' && (
          <LinkClaim
            quote={data.revision.text.slice(panel.span.start, panel.span.end)}
            onPick={(id) => linkToClaim(id, panel.span)}
            onCancel={() => setPanel({ kind: 'list' })}
            error={error}
          />
        )}
        {(panel.kind === 'list' || panel.kind === 'editText') && (
          <>
            <h2>Claims ({data.claims.length})</h2>
            <p className="muted small" aria-label="Anchor summary">
              Highlights:{' '}
              {ANCHOR_STATES.map((s) => `${anchorCounts[s]} ${ANCHOR_LABELS[s]}`).join(', ')}
            </p>
            <div className="form-row filters">
              <label>
                Verdict
                <select
                  value={filters.verdict}
                  onChange={(e) =>
                    setFilters((f) => ({ ...f, verdict: e.target.value as Verdict | '' }))
                  }
                >
                  <option value="">All</option>
                  {VERDICTS.map((v) => (
                    <option key={v} value={v}>
                      {VERDICT_LABELS[v]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Review state
                <select
                  value={filters.reviewState}
                  onChange={(e) =>
                    setFilters((f) => ({ ...f, reviewState: e.target.value as ReviewState | '' }))
                  }
                >
                  <option value="">All</option>
                  {REVIEW_STATES.map((s) => (
                    <option key={s} value={s}>
                      {REVIEW_STATE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {error && (
              <p className="alert error" role="alert">
                {error}
              </p>
            )}
            <ol className="claim-list" aria-label="Claims in text order">
              {orderedClaims.map((claim) => (
                <li key={claim.id} className={claim.id === activeClaimId ? 'active' : ''}>
                  <button
                    type="button"
                    className="claim-item"
                    aria-current={claim.id === activeClaimId}
                    onClick={() => focusClaim(claim.id)}
                  >
                    <span
                      className="swatch"
                      style={{ background: VERDICT_COLORS[claim.verdict] }}
                    />
                    <span className="claim-text">{claim.text}</span>
                    <span className="muted small">
                      {VERDICT_LABELS[claim.verdict]} · {REVIEW_STATE_LABELS[claim.reviewState]} ·{' '}
                      {claim.author.name}
                      {(movedByClaim.get(claim.id) ?? [])
                        .map((a) => ` · ${anchorBadge(a)}`)
                        .join('')}
                    </span>
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() =>
                      setPanel({ kind: 'edit', claimId: claim.id, conflict: null, draft: null })
                    }
                  >
                    Open
                  </button>
                </li>
              ))}
            </ol>
            {data.orphans.length > 0 && (
              <section aria-labelledby="orphans">
                <h2 id="orphans">Orphaned highlights ({data.orphans.length})</h2>
                <p className="muted small">
                  Their text was not found with enough confidence after an edit. Confirm a place or
                  select text and attach.
                </p>
                <ul className="orphans">
                  {data.orphans.map((orphan) => (
                    <li key={orphan.id}>
                      <p>
                        <strong>{claimsById.get(orphan.claimId)?.text}</strong>
                      </p>
                      <blockquote className="quote">{orphan.exact}</blockquote>
                      {claimsById.get(orphan.claimId)?.reviewState === 'APPROVED' && (
                        <p className="alert small" role="note">
                          {APPROVED_SPAN_NOTICE.reattach}
                        </p>
                      )}
                      {orphan.candidates.length === 0 && (
                        <p className="muted small">No similar passage found.</p>
                      )}
                      {orphan.candidates.map((c) => (
                        <button
                          key={`${c.start}-${c.end}`}
                          type="button"
                          className="secondary small"
                          onClick={() => reattach(orphan.id, c)}
                        >
                          Attach to “{c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}” (
                          {Math.round(c.score * 100)}%)
                        </button>
                      ))}
                      <button
                        type="button"
                        className="secondary small"
                        disabled={!hasSelection}
                        onClick={() => {
                          const span = view.current?.selection();
                          if (span) void reattach(orphan.id, span);
                        }}
                      >
                        Attach to selection
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </aside>
    </div>
  );
}

function permissionReason(permission: { allowed: boolean; reason?: string }): string | null {
  return permission.allowed ? null : (permission.reason ?? 'You cannot change this claim.');
}

function toPayload(values: ClaimFormValues) {
  return {
    text: values.text,
    claimant: values.claimant || null,
    verdict: values.verdict,
    rationale: values.rationale,
    evidence: values.evidence.map((e) => ({
      url: e.url,
      title: e.title,
      quote: e.quote,
      accessedAt: e.accessedAt,
    })),
  };
}

function Legend() {
  return (
    <ul className="legend" aria-label="Verdict colours">
      {VERDICTS.map((v) => (
        <li key={v}>
          <span className="swatch" style={{ background: VERDICT_COLORS[v] }} /> {VERDICT_LABELS[v]}
        </li>
      ))}
    </ul>
  );
}

function Appearances({
  claim,
  articleId,
  annotations,
  onRemove,
}: {
  claim: ClaimDTO;
  articleId: string;
  annotations: AnnotationDTO[];
  onRemove(id: string): void;
}) {
  return (
    <section className="appearances" aria-label="Where this claim appears">
      <h3>Appears in {claim.appearances.length} place(s)</h3>
      <ul>
        {claim.appearances.map((a) => {
          const here = annotations.find((x) => x.id === a.annotationId);
          return (
            <li key={a.annotationId}>
              {a.articleId === articleId ? (
                <em>This article</em>
              ) : (
                <Link href={`/articles/${a.articleId}`}>{a.articleTitle}</Link>
              )}
              : “{a.exact}”{' '}
              <span className="muted small">
                ({here ? anchorBadge(here) : ANCHOR_LABELS[a.anchorState]})
              </span>{' '}
              {a.articleId === articleId && (
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => onRemove(a.annotationId)}
                >
                  Remove highlight
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        By {claim.author.name}
        {claim.lastEditedBy ? `, last changed by ${claim.lastEditedBy.name}` : ''} · version{' '}
        {claim.version}
      </p>
    </section>
  );
}

/** Said before the user acts: span changes send an approved claim back to review (issue #10). */
const APPROVED_SPAN_NOTICE = {
  link: 'This claim is approved: linking this passage sends it back to review.',
  reattach: 'This claim is approved: re-attaching its passage sends it back to review.',
};

function LinkClaim({
  quote,
  onPick,
  onCancel,
  error,
}: {
  quote: string;
  onPick(id: string): void;
  onCancel(): void;
  error: string | null;
}) {
  const [query, setQuery] = useState(quote.slice(0, 40));
  const [results, setResults] = useState<ClaimDTO[]>([]);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await api<{ claims: ClaimDTO[] }>(
        `/api/claims?q=${encodeURIComponent(query)}`,
      );
      if (result.ok) setResults(result.data.claims);
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <section aria-label="Link to existing claim">
      <h2>Link to existing claim</h2>
      <blockquote className="quote">{quote}</blockquote>
      <label>
        Search claims
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      </label>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <ul className="claim-list">
        {results.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="claim-item" onClick={() => onPick(claim.id)}>
              <span className="swatch" style={{ background: VERDICT_COLORS[claim.verdict] }} />
              <span className="claim-text">{claim.text}</span>
              <span className="muted small">
                {VERDICT_LABELS[claim.verdict]} · in{' '}
                {[...new Set(claim.appearances.map((a) => a.articleTitle))].join('; ')}
              </span>
            </button>
            {claim.reviewState === 'APPROVED' && (
              <p className="alert small" role="note">
                {APPROVED_SPAN_NOTICE.link}
              </p>
            )}
          </li>
        ))}
        {results.length === 0 && <li className="muted small">No claim matches.</li>}
      </ul>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}

function EditText({
  text,
  onSave,
  onCancel,
  error,
}: {
  text: string;
  onSave(text: string): void;
  onCancel(): void;
  error: string | null;
}) {
  const [value, setValue] = useState(text);
  return (
    <form
      className="edit-text"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value);
      }}
    >
      <label>
        Text of the new revision
        <textarea value={value} onChange={(e) => setValue(e.target.value)} rows={24} />
      </label>
      <p className="muted small">
        Saving creates a new revision. Every highlight is re-anchored; none is dropped or moved
        silently.
      </p>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="submit">Save new revision</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
