'use client';

import type { RemovedBlock } from '@/lib/import/types';

/** The opening words of a paragraph, for naming it in a sentence. */
function opening(text: string, words = 12): string {
  const all = text.split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : text;
}

/**
 * What the cleaner removed, in page order, each group with its reason and a button to keep it
 * after all (or remove it again). Duplicates say which longer copy stays.
 */
export function RemovedList({
  groups,
  keep,
  onToggle,
  showLines,
  locked,
}: {
  groups: RemovedBlock[];
  keep: readonly string[];
  onToggle: (id: string) => void;
  /** Line numbers refer to the input as pasted (text input only). */
  showLines: boolean;
  /** Keeping is off while the text is being edited by hand. */
  locked: boolean;
}) {
  const removedCount = groups.filter((g) => !keep.includes(g.id)).length;
  return (
    <section className="panel" aria-labelledby="import-removed-heading">
      <div className="import-column-head">
        <h3 id="import-removed-heading">Removed ({removedCount})</h3>
      </div>
      {locked && (
        <p className="muted">
          Keeping blocks is off while you edit the text. Discard edits to use it.
        </p>
      )}
      {groups.length === 0 ? (
        <p className="muted">Nothing was removed.</p>
      ) : (
        <ul className="import-removed" aria-label="Removed blocks">
          {groups.map((group) => {
            const kept = keep.includes(group.id);
            const lines =
              group.startLine === group.endLine
                ? `line ${group.startLine}`
                : `lines ${group.startLine}–${group.endLine}`;
            return (
              <li key={group.id} className={kept ? 'kept' : undefined}>
                <div className="import-removed-head">
                  <span className={`chip reason reason-${group.reason}`}>{group.label}</span>
                  {showLines && <span className="muted">{lines}</span>}
                  {kept && <span className="chip kept-chip">Kept</span>}
                  <button
                    type="button"
                    className="secondary"
                    disabled={locked}
                    onClick={() => onToggle(group.id)}
                    aria-label={`${kept ? 'Remove again' : 'Keep'}: ${group.label}, ${opening(group.text, 6)}`}
                  >
                    {kept ? 'Remove again' : 'Keep'}
                  </button>
                </div>
                <div className="import-removed-text">
                  {group.text.split('\n').map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                </div>
                {group.reason === 'duplicate' && group.duplicateOf && (
                  <p className="import-hint">
                    Repeats a longer paragraph, which stays in the article (keeping the longer copy
                    is suggested): “{opening(group.duplicateOf)}”
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
