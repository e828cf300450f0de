import { Fragment } from 'react';
import type { DiffPart } from '@/lib/evidence/quote';
import ui from '@/components/ui/ui.module.css';
import styles from './word-diff.module.css';

/**
 * A word diff: removed words struck through, added words underlined, the rest as is. Screen
 * readers do not announce `<del>` and `<ins>`, so each change is also told in words only they
 * read ("[removed: fifth][added: tenth]", not "fifthtenth"); the marked words stay as they are.
 */
export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span className={styles.diff}>
      {parts.map((part, index) =>
        part.added || part.removed ? (
          <Fragment key={index}>
            <span className={ui.visuallyHidden}>{part.added ? '[added: ' : '[removed: '}</span>
            {part.added ? <ins>{part.value}</ins> : <del>{part.value}</del>}
            <span className={ui.visuallyHidden}>]</span>
          </Fragment>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </span>
  );
}
