/** Every keyboard action of the article workspace, as the `?` sheet and the README list them. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['A'], action: 'Add a claim on the selected text' },
  { keys: ['L'], action: 'Link the selected text to an existing claim' },
  { keys: ['Tab', 'Shift+Tab'], action: 'Next / previous highlight in the text (shows its card)' },
  { keys: ['J', 'K'], action: 'Next / previous claim in the list' },
  { keys: ['Enter'], action: 'Open the current highlight’s or the active claim' },
  { keys: ['Ctrl+Enter'], action: 'Save the claim form' },
  { keys: ['S'], action: 'Submit the open claim for review' },
  { keys: ['C'], action: 'Write in the open claim’s discussion' },
  { keys: ['H'], action: 'Show or hide the open claim’s history' },
  { keys: ['O'], action: 'Open the claim’s own page' },
  { keys: ['R'], action: 'Revise: edit the text in place, highlights moving with it' },
  { keys: ['Ctrl+S'], action: 'Save the revised text as a new revision (Revise mode)' },
  { keys: ['E'], action: 'Paste a whole new version of the text (new revision)' },
  { keys: ['Esc'], action: 'Close the card, the picker or the panel; back to the text' },
  { keys: ['?'], action: 'Show this list' },
];
