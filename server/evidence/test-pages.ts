/**
 * A news page for the evidence tests: the article's paragraphs inside the furniture that changes
 * on every fetch of a real site (a date line, a "most read" list, a footer). Test code only.
 */
export interface TestPage {
  title: string;
  paragraphs: string[];
  /** Boilerplate that varies between fetches. */
  stamp?: string;
  mostRead?: string[];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderTestPage({ title, paragraphs, stamp = '', mostRead = [] }: TestPage): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<script>window.tracker = 1;</script><link rel="stylesheet" href="https://cdn.example/site.css"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<p class="stamp">Page generated ${escapeHtml(stamp)}</p></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside><h2>Most read</h2><ul>${mostRead.map((m) => `<li><a href="/${encodeURIComponent(m)}">${escapeHtml(m)}</a></li>`).join('')}</ul></aside></main>
<footer><p>© News Site. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p>
<img src="https://tracker.example/pixel.gif" alt=""></footer></body></html>`;
}
