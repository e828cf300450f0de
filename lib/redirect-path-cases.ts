/** Where `safeRedirectPath` sends each value: hostile ones home, the app's own paths as given. */
export const REDIRECT_PATH_CASES: readonly { value: string | undefined; path: string }[] = [
  // The app's own paths, query and fragment kept.
  { value: '/', path: '/' },
  { value: '/review', path: '/review' },
  { value: '/articles/abc?q=1&sort=title#claim-2', path: '/articles/abc?q=1&sort=title#claim-2' },
  { value: '/search?q=%2F%2Fevil', path: '/search?q=%2F%2Fevil' },
  // Nothing, or not a path.
  { value: undefined, path: '/' },
  { value: '', path: '/' },
  { value: 'review', path: '/' },
  { value: 'https://evil.example/', path: '/' },
  { value: 'javascript:alert(1)', path: '/' },
  // Another host, written as browsers read it: "\" is "/", tabs and line breaks are dropped.
  { value: '//evil.example/', path: '/' },
  { value: '/\\evil.example/', path: '/' },
  { value: '/\\/evil.example/', path: '/' },
  { value: '\\\\evil.example/', path: '/' },
  { value: '/\t/evil.example/', path: '/' },
  { value: '/\n/evil.example/', path: '/' },
  { value: '/\r\n/evil.example', path: '/' },
  // A path that only becomes "//host" once dot segments are taken out.
  { value: '/.//evil.example/', path: '/' },
  { value: '/x/..//evil.example/', path: '/' },
];
