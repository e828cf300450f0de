'use client';

/**
 * A refused action's message, inside the panel the user is working in (beside the button they
 * pressed), brought into view when it appears: the panel may be a sheet or a scrolled sidebar,
 * and the one live region above the text only announces it.
 */
import { useEffect, useRef } from 'react';
import ui from '@/components/ui/ui.module.css';

export function PanelError({ message }: { message: string | null | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} className={`${ui.alert} ${ui.error}`} data-panel-error="">
      {message}
    </p>
  );
}
