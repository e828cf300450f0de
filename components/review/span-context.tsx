import type { SpanContext } from '@/lib/review/context';

/** The sentence around a span, the span itself highlighted. */
export function SpanInContext({ context }: { context: SpanContext }) {
  return (
    <p className="span-context">
      {context.clippedStart && '… '}
      {context.before}
      <mark>{context.exact}</mark>
      {context.after}
      {context.clippedEnd && ' …'}
    </p>
  );
}
