/** Case tables for markdown.test.ts: inline markup in, plain text out. */

export interface InlineCase {
  name: string;
  input: string;
  text: string;
  linkCount?: number;
  emphasized?: boolean;
}

export const INLINE_CASES: readonly InlineCase[] = [
  {
    name: 'bold and italic',
    input: '**Bold** and *italic* and __strong__ and _em_',
    text: 'Bold and italic and strong and em',
  },
  { name: 'strikethrough and code', input: '~~old~~ `code` stays', text: 'old code stays' },
  {
    name: 'link becomes its text',
    input: 'Read [the report](https://example.com/r "Title") now',
    text: 'Read the report now',
    linkCount: 1,
  },
  {
    name: 'reference link',
    input: 'See [the report][1] here',
    text: 'See the report here',
    linkCount: 1,
  },
  { name: 'image dropped', input: 'Before ![a chart](chart.png) after', text: 'Before after' },
  {
    name: 'linked image dropped',
    input: '[![logo](logo.png)](/) Home',
    text: 'Home',
    linkCount: 0,
  },
  {
    name: 'autolink keeps the address',
    input: 'Mail <mailto:desk@example.com>',
    text: 'Mail mailto:desk@example.com',
    linkCount: 1,
  },
  {
    name: 'html tags and anchors',
    input: '<p>The <b>council</b> <a href="/x">voted</a>.</p>',
    text: 'The council voted.',
    linkCount: 1,
  },
  {
    name: 'script removed with its content',
    input: 'A<script>var x = "<b>";</script> B',
    text: 'A B',
  },
  {
    name: 'entities decoded',
    input: 'Tom &amp; Jerry &ndash; &ldquo;hi&rdquo; &#8217; &#x2014; &pound;5 &copy;',
    text: 'Tom & Jerry – “hi” ’ — £5 ©',
  },
  {
    name: 'escaped entity text is decoded once',
    input: '&lt;b&gt;not a tag&lt;/b&gt;',
    text: '<b>not a tag</b>',
  },
  { name: 'unknown entity kept', input: 'AT&T &madeup; ok', text: 'AT&T &madeup; ok' },
  {
    name: 'backslash escapes are literal',
    input: '\\*not emphasis\\* and 5 \\* 3',
    text: '*not emphasis* and 5 * 3',
  },
  {
    name: 'snake_case untouched',
    input: 'the file_name_here value',
    text: 'the file_name_here value',
  },
  {
    name: 'square brackets in prose untouched',
    input: 'ask [for the release of] prisoners',
    text: 'ask [for the release of] prisoners',
  },
  {
    name: 'lone asterisk kept',
    input: 'Required fields are marked *',
    text: 'Required fields are marked *',
  },
  {
    name: 'unicode punctuation kept exactly',
    input: '“Astana-2,” Oct. 2–4 — Kazakhstan’s «view» …',
    text: '“Astana-2,” Oct. 2–4 — Kazakhstan’s «view» …',
  },
  {
    name: 'whitespace collapsed, nbsp and tabs included',
    input: '  a \t b\u00a0\u00a0c\u00a0d  ',
    text: 'a b c d',
  },
  {
    name: 'zero-width and soft hyphen dropped',
    input: 'co\u00adop\u200beration',
    text: 'cooperation',
  },
  {
    name: 'whole block bold',
    input: '**Get our newsletter!**',
    text: 'Get our newsletter!',
    emphasized: true,
  },
  {
    name: 'partly bold is not emphasized',
    input: '**Get** our newsletter',
    text: 'Get our newsletter',
    emphasized: false,
  },
];

export interface MarkerCase {
  line: string;
  kind: string;
  level?: number;
  content?: string;
}

export const MARKER_CASES: readonly MarkerCase[] = [
  { line: '# Title', kind: 'heading', level: 1, content: 'Title' },
  {
    line: '### Most Recent Stories ###',
    kind: 'heading',
    level: 3,
    content: 'Most Recent Stories',
  },
  { line: '#hashtag is text', kind: 'text', content: '#hashtag is text' },
  { line: '####### seven is text', kind: 'text' },
  { line: '- item', kind: 'list-item', content: 'item' },
  { line: '* item', kind: 'list-item', content: 'item' },
  { line: '• item', kind: 'list-item', content: 'item' },
  { line: '2. Second thing', kind: 'list-item', content: '2. Second thing' },
  { line: '2015. That year', kind: 'text' },
  { line: '> quoted words', kind: 'quote', content: 'quoted words' },
  { line: '> # quoted heading', kind: 'heading', level: 1, content: 'quoted heading' },
  { line: '---', kind: 'rule' },
  { line: '* * *', kind: 'rule' },
  { line: '```ts', kind: 'fence' },
  { line: '|---|:---:|', kind: 'drop' },
  { line: '[1]: https://example.com', kind: 'drop' },
  { line: '| a | b |', kind: 'text', content: ' a | b ' },
  { line: 'plain words', kind: 'text', content: 'plain words' },
];
