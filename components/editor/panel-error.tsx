'use client';

/**
 * A refused action's message, inside the panel the user is working in (beside the button they
 * pressed), brought into view when it appears: the panel may be a sheet or a scrolled sidebar,
 * and the one live region above the text only announces it.
 */
import { useEffect, useRef } from 'react';
import ui from '@/components/ui/ui.module.css';

export function PanelError({
  message,
  reveal = true,
}: {
  message: string | null | undefined;
  /** False when focus has gone where the refusal is fixed: scrolling here would undo that. */
  reveal?: boolean;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message && reveal) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message, reveal]);
  if (!message) return null;
  return (
    <p ref={ref} className={`${ui.alert} ${ui.error}`} data-panel-error="">
      {message}
    </p>
  );
}
