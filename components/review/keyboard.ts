/** The review queue's keys, handled by ReviewQueueList and listed on the queue page. */
export const KEYBOARD_SHORTCUTS: readonly { key: string; action: string }[] = [
  { key: 'j', action: 'next claim' },
  { key: 'k', action: 'previous claim' },
  { key: 'a', action: 'approve the current claim' },
  { key: 'r', action: 'request changes on the current claim (type the comment, then Enter)' },
  { key: 'x', action: 'select or unselect the current claim for bulk approval' },
  { key: 'o', action: 'open the current claim’s page' },
  { key: 'Esc', action: 'close the comment box or the confirmation' },
];
