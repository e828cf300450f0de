import type { ActionState } from '@/server/queries/review-queue';
import { sentence } from './format';
import reviewStyles from '@/components/review/review.module.css';

/** Why an action is not available, as visible text tied to its disabled button. */
export function ActionNote({ id, state }: { id: string; state: ActionState }) {
  if (state.allowed) return null;
  return (
    <span id={id} className={reviewStyles.actionNote}>
      {sentence(state.reason)}
    </span>
  );
}

/** The tooltip of a disabled action. */
export function actionTitle(state: ActionState): string | undefined {
  return state.allowed ? undefined : sentence(state.reason);
}
