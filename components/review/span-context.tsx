import type { SpanContext } from '@/lib/review/context';
import reviewStyles from '@/components/review/review.module.css';

/** The sentence around a span, the span itself highlighted. */
export function SpanInContext({ context }: { context: SpanContext }) {
  return (
    <p className={reviewStyles.spanContext}>
      {context.clippedStart && '… '}
      {context.before}
      <mark>{context.exact}</mark>
      {context.after}
      {context.clippedEnd && ' …'}
    </p>
  );
}
