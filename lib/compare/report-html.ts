/**
 * The comparison as one self-contained HTML file (styles inline, no scripts, no outside
 * resources): the two reports side by side, differences marked and named, only-in-one lists.
 */
import { DIFFERENCE_LABELS, type ComparisonView, type Segment } from './view';

export interface ReportMeta {
  titleA: string;
  titleB: string;
  generatedAt: string;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const segments = (list: Segment[]) =>
  list
    .map((s) => {
      const text = escape(s.text);
      const title = s.types.map((t) => DIFFERENCE_LABELS[t]).join(', ');
      const claim = s.claimIds.length ? ' claim' : '';
      return s.types.length
        ? `<mark class="d-${s.types[0]}${claim}" title="${escape(title)}">${text}</mark>`
        : claim
          ? `<span class="claim">${text}</span>`
          : text;
    })
    .join('');

/** The HTML document for `view`. */
export function toComparisonHtml(view: ComparisonView, meta: ReportMeta): string {
  const rows = view.rows
    .map((row) => {
      const diffs = row.differences
        .map(
          (d) =>
            `<li><b>${DIFFERENCE_LABELS[d.type]}</b>: ${d.aText === null ? '<i>not stated in A</i>' : escape(d.aText)} / ${d.bText === null ? '<i>not stated in B</i>' : escape(d.bText)}</li>`,
        )
        .join('');
      return `<tr class="${row.kind}"><td class="kind">${row.kind}</td><td>${segments(row.a.segments)}</td><td>${segments(row.b.segments)}${diffs ? `<ul>${diffs}</ul>` : ''}</td></tr>`;
    })
    .join('\n');
  const only = (title: string, list: ComparisonView['onlyA']) =>
    `<h2>${escape(title)} (${list.length})</h2><ol>${list.map((o) => `<li>${segments(o.segments)}</li>`).join('')}</ol>`;
  const c = view.counts;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comparison: ${escape(meta.titleA)} / ${escape(meta.titleB)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.5rem;vertical-align:top;text-align:left}
th{background:#f5f5f5}td.kind{font-size:.8rem;text-transform:uppercase;color:#555;white-space:nowrap}
tr.differs td.kind{color:#a40000;font-weight:bold}ul{margin:.3rem 0 0;padding-left:1.2rem;font-size:.9rem}
mark{padding:0 .1em;border-radius:2px}.d-number{background:#ffd8a8}.d-date{background:#c5e3ff}.d-name{background:#d8f5c5}
.d-quote{background:#f3d1f4}.d-attribution{background:#ffe98a}.d-other{background:#e4e4e4}.claim{text-decoration:underline 2px #3558c4}
@media (max-width:700px){td.kind{display:none}}
</style></head><body>
<h1>Comparison of two reports</h1>
<p><b>A</b>: ${escape(meta.titleA)}<br><b>B</b>: ${escape(meta.titleB)}<br>Generated ${escape(meta.generatedAt)} by Factmark.</p>
<p>${c.same} same, ${c.reworded} reworded, ${c.differs} differing pairs (${c.differences} differences); ${c.onlyA} statements only in A, ${c.onlyB} only in B.</p>
<table><thead><tr><th></th><th>A: ${escape(meta.titleA)}</th><th>B: ${escape(meta.titleB)}</th></tr></thead><tbody>
${rows}
</tbody></table>
${only(`Only in A: ${meta.titleA}`, view.onlyA)}
${only(`Only in B: ${meta.titleB}`, view.onlyB)}
</body></html>
`;
}
