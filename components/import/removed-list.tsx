'use client';

import type { RemovedBlock } from '@/lib/import/types';
import ui from '@/components/ui/ui.module.css';
import importStyles from '@/components/import/import.module.css';

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
    <section className={ui.panel} aria-labelledby="import-removed-heading">
      <div className={importStyles.importColumnHead}>
        <h3 id="import-removed-heading">Removed ({removedCount})</h3>
      </div>
      {locked && (
        <p className={ui.muted}>
          Keeping blocks is off while you edit the text. Discard edits to use it.
        </p>
      )}
      {groups.length === 0 ? (
        <p className={ui.muted}>Nothing was removed.</p>
      ) : (
        <ul className={importStyles.importRemoved} aria-label="Removed blocks">
          {groups.map((group) => {
            const kept = keep.includes(group.id);
            const lines =
              group.startLine === group.endLine
                ? `line ${group.startLine}`
                : `lines ${group.startLine}–${group.endLine}`;
            return (
              <li key={group.id} className={kept ? importStyles.kept : undefined}>
                <div className={importStyles.importRemovedHead}>
                  <span
                    className={`${ui.chip} ${group.reason === 'duplicate' ? importStyles.reasonDuplicate : importStyles.reason}`}
                  >
                    {group.label}
                  </span>
                  {showLines && <span className={ui.muted}>{lines}</span>}
                  {kept && <span className={`${ui.chip} ${importStyles.keptChip}`}>Kept</span>}
                  <button
                    type="button"
                    className={ui.secondary}
                    disabled={locked}
                    onClick={() => onToggle(group.id)}
                    aria-label={`${kept ? 'Remove again' : 'Keep'}: ${group.label}, ${opening(group.text, 6)}`}
                  >
                    {kept ? 'Remove again' : 'Keep'}
                  </button>
                </div>
                <div className={importStyles.importRemovedText}>
                  {group.text.split('\n').map((line, i) => (
                    <p key={i}>{line}</p>
                  ))}
                </div>
                {group.reason === 'duplicate' && group.duplicateOf && (
                  <p className={importStyles.importHint}>
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
