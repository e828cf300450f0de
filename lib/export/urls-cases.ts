/**
 * Stored URLs and what the exports must write for them: RFC 3986 URIs (characters WHATWG URLs
 * leave as typed, such as `[`, `]`, `{`, `}`, `|`, `^` and backquote, percent-encoded), or null
 * for what may never become a link.
 */
export type UrlCase = { readonly stored: string; readonly exported: string | null };

export const URL_CASES: readonly UrlCase[] = [
  {
    stored: 'https://stats.example/search?filter[year]=2015&filter[region]=KZ',
    exported: 'https://stats.example/search?filter%5Byear%5D=2015&filter%5Bregion%5D=KZ',
  },
  { stored: 'https://x.example/a[1]/b', exported: 'https://x.example/a%5B1%5D/b' },
  {
    stored: 'https://x.example/p?q={a|b}^c`d',
    exported: 'https://x.example/p?q=%7Ba%7Cb%7D%5Ec%60d',
  },
  { stored: 'https://x.example/100%/done', exported: 'https://x.example/100%25/done' },
  { stored: 'https://x.example/ok%20space', exported: 'https://x.example/ok%20space' },
  {
    stored: 'https://x.example/a#frag#ment[1]',
    exported: 'https://x.example/a#frag%23ment%5B1%5D',
  },
  {
    stored: 'https://x.example/caf\u00e9 \u00fcber',
    exported: 'https://x.example/caf%C3%A9%20%C3%BCber',
  },
  { stored: 'http://[::1]:8080/a[b]', exported: 'http://[::1]:8080/a%5Bb%5D' },
  {
    stored: "https://x.example/keep:@!$&'()*+,;=-._~",
    exported: "https://x.example/keep:@!$&'()*+,;=-._~",
  },
  { stored: 'HTTPS://X.Example', exported: 'https://x.example/' },
  { stored: 'javascript:alert(1)', exported: null },
  { stored: 'ftp://x.example/file', exported: null },
  { stored: '/relative/path', exported: null },
];
