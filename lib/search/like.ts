/** `text` with `%`, `_` and `\` escaped, to be taken literally inside a SQL LIKE pattern. */
export function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
