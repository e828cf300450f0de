import { formatWhen } from './format';
import ui from '@/components/ui/ui.module.css';
import reviewStyles from '@/components/review/review.module.css';

type Person = { id: string; name: string };

export interface ThreadComment {
  id: string;
  body: string;
  createdAt: Date;
  author: Person;
}

export interface ThreadDecision {
  id: string;
  decision: 'APPROVE' | 'REQUEST_CHANGES' | 'REOPEN';
  comment: string | null;
  createdAt: Date;
  reviewer: Person;
}

const DECISION_VERBS: Record<ThreadDecision['decision'], string> = {
  APPROVE: 'approved',
  REQUEST_CHANGES: 'requested changes',
  REOPEN: 'reopened the claim',
};

/** The discussion: comments and review decisions, oldest first. */
export function DiscussionThread({
  comments,
  decisions,
}: {
  comments: ThreadComment[];
  decisions: ThreadDecision[];
}) {
  const items = [
    ...comments.map((c) => ({ kind: 'comment' as const, at: new Date(c.createdAt), c })),
    ...decisions.map((d) => ({ kind: 'decision' as const, at: new Date(d.createdAt), d })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  if (items.length === 0) return <p className={ui.muted}>No comments yet.</p>;
  return (
    <ol className={reviewStyles.thread} aria-label="Discussion">
      {items.map((item) =>
        item.kind === 'comment' ? (
          <li key={item.c.id}>
            <div className="thread-head">
              <strong>{item.c.author.name}</strong>
              <span className={ui.muted}> · {formatWhen(item.at)}</span>
            </div>
            <p className={reviewStyles.threadBody}>{item.c.body}</p>
          </li>
        ) : (
          <li
            key={item.d.id}
            className={`${reviewStyles.decision} ${reviewStyles[item.d.decision]}`}
          >
            <div className="thread-head">
              <strong>{item.d.reviewer.name}</strong> {DECISION_VERBS[item.d.decision]}
              <span className={ui.muted}> · {formatWhen(item.at)}</span>
            </div>
            {item.d.comment && <p className={reviewStyles.threadBody}>{item.d.comment}</p>}
          </li>
        ),
      )}
    </ol>
  );
}
