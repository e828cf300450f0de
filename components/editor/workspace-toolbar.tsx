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
  onAddClaim(): void;
  onLink(): void;
  onEditText(): void;
}) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Annotate">
      <button
        type="button"
        onClick={onAddClaim}
        disabled={!hasSelection}
        title="Add claim (A)"
        aria-keyshortcuts="a"
      >
        Add claim
      </button>
      <button
        type="button"
        className="secondary"
        onClick={onLink}
        disabled={!hasSelection}
        title="Attach the selection to a claim that exists"
      >
        Link to existing claim
      </button>
      <button type="button" className="secondary" onClick={onEditText}>
        Edit text
      </button>
      <span className="muted small">
        Revision {revisionNumber} · Keys: A add claim, J/K next/previous claim, Esc close
      </span>
    </div>
  );
}
