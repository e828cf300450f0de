'use client';

/** The annotate toolbar above the text: add, link, edit text, and the key hints. */
export function WorkspaceToolbar({
  revisionNumber,
  hasSelection,
  onAddClaim,
  onLink,
  onEditText,
}: {
  revisionNumber: number;
  hasSelection: boolean;
  /** `exact` when Alt was held: keep the selection's exact characters, not whole words. */
  onAddClaim(exact: boolean): void;
  onLink(exact: boolean): void;
  onEditText(): void;
}) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Annotate">
      <button
        type="button"
        onClick={(event) => onAddClaim(event.altKey)}
        disabled={!hasSelection}
        title="Add claim on the selected words (A; Alt keeps the exact characters)"
        aria-keyshortcuts="a Alt+a"
      >
        Add claim
      </button>
      <button
        type="button"
        className="secondary"
        onClick={(event) => onLink(event.altKey)}
        disabled={!hasSelection}
        title="Attach the selection to a claim that exists"
      >
        Link to existing claim
      </button>
      <button type="button" className="secondary" onClick={onEditText}>
        Edit text
      </button>
      <span className="muted small">
        Revision {revisionNumber} · Keys: A add claim (selections snap to words; Alt+A keeps the
        exact characters), J/K next/previous claim, Esc close
      </span>
    </div>
  );
}
