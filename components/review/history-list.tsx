import type { HistoryEntry } from '@/lib/review/history';
import { formatWhen } from './format';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

/** A claim's history, oldest first: what happened, who did it, when, and the values changed. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p className={ui.muted}>No history yet.</p>;
  return (
    <ol className={reviewStyles.history} aria-label="History">
      {history.map((entry) => (
        <li key={entry.id}>
          <div className="history-head">
            <strong>{entry.summary}</strong> by {entry.actor?.name ?? 'Factmark (automatic)'}
            <span className={ui.muted}>
              {' · '}
              <time dateTime={new Date(entry.at).toISOString()}>{formatWhen(entry.at)}</time>
            </span>
          </div>
          {entry.changes.length > 0 && (
            <div className={reviewStyles.changes}>
              {entry.changes.map((change) => (
                <div key={change.field}>
                  {change.label}: <del>{change.beforeText}</del> → <ins>{change.afterText}</ins>
                </div>
              ))}
            </div>
          )}
          {entry.note && <p className={reviewStyles.historyNote}>“{entry.note}”</p>}
        </li>
      ))}
    </ol>
  );
}
