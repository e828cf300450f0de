/**
 * Cases for escaping article paragraphs in Markdown: raw text and exactly what is written.
 */

export type MarkdownEscapeCase = {
  readonly name: string;
  readonly text: string;
  readonly markdown: string;
};

export const MARKDOWN_ESCAPE_CASES: readonly MarkdownEscapeCase[] = [
  { name: 'plain text', text: 'The economy grew.', markdown: 'The economy grew.' },
  { name: 'emphasis', text: 'a *b* _c_ **d**', markdown: 'a \\*b\\* \\_c\\_ \\*\\*d\\*\\*' },
  { name: 'link', text: '[x](javascript:alert(1))', markdown: '\\[x\\](javascript:alert(1))' },
  { name: 'footnote lookalike', text: 'see [^9]', markdown: 'see \\[^9\\]' },
  {
    name: 'raw HTML',
    text: '<script>alert(1)</script>',
    markdown: '&lt;script&gt;alert(1)&lt;/script&gt;',
  },
  { name: 'autolink', text: '<https://x.example>', markdown: '&lt;https://x.example&gt;' },
  { name: 'code span', text: 'run `rm -rf`', markdown: 'run \\`rm -rf\\`' },
  { name: 'strikethrough', text: '~~gone~~', markdown: '\\~\\~gone\\~\\~' },
  { name: 'table pipe', text: 'a | b', markdown: 'a \\| b' },
  { name: 'entity', text: 'AT&amp;T', markdown: 'AT&amp;amp;T' },
  { name: 'backslash', text: 'C:\\path\\', markdown: 'C:\\\\path\\\\' },
  { name: 'heading', text: '# Not a heading', markdown: '\\# Not a heading' },
  { name: 'bullet list', text: '- not a list', markdown: '\\- not a list' },
  { name: 'plus list', text: '+ not a list', markdown: '\\+ not a list' },
  { name: 'block quote', text: '> not a quote', markdown: '&gt; not a quote' },
  { name: 'ordered list', text: '1. not a list', markdown: '1\\. not a list' },
  { name: 'ordered list with paren', text: '12) not a list', markdown: '12\\) not a list' },
  { name: 'setext underline', text: '===', markdown: '\\===' },
  { name: 'indented code', text: '        code?', markdown: 'code?' },
  { name: 'digits mid-line', text: 'In 2024. Then', markdown: 'In 2024. Then' },
  { name: 'non-Latin', text: 'Переговоры — 会谈 😀', markdown: 'Переговоры — 会谈 😀' },
];
