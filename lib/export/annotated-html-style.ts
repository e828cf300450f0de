/**
 * The annotated HTML document's stylesheet: verdict colours, highlight segments with one
 * underline lane per overlapping annotation, notes, and a print stylesheet. Generated once per
 * document (the lane count depends on how deeply the annotations overlap).
 */

import { VERDICTS, type Verdict } from '../domain';
import { VERDICT_COLORS } from '../verdict-style';

/** Verdict colours: the app's one palette (lib/verdict-style), so exports match the editor. */
export const VERDICT_COLOURS: Readonly<Record<Verdict, string>> = VERDICT_COLORS;

/** Overlapping annotations are drawn as stacked underlines, at most this many deep. */
export const MAX_UNDERLINE_LANES = 4;
/** Vertical distance between stacked underlines, in pixels. */
export const UNDERLINE_GAP_PX = 3;
/** Underline thickness, in pixels. */
export const UNDERLINE_PX = 2;
/** Alpha (hex) appended to a verdict colour for the highlight fill. */
const FILL_ALPHA_HEX = '24';

/** The CSS class suffix of a verdict: `MOSTLY_TRUE` -> `mostly-true`. */
export function verdictClass(verdict: Verdict): string {
  return verdict.toLowerCase().replace(/_/g, '-');
}

/** The stylesheet for a document whose annotations use `laneCount` underline lanes (>= 1). */
export function annotatedHtmlStyle(laneCount: number): string {
  const lanes = Math.max(1, Math.min(MAX_UNDERLINE_LANES, laneCount));
  const laneIndexes = Array.from({ length: lanes }, (_, lane) => lane);
  const images = laneIndexes
    .map((lane) => `linear-gradient(var(--fm-l${lane},transparent),var(--fm-l${lane},transparent))`)
    .join(',');
  const sizes = laneIndexes.map(() => `100% ${UNDERLINE_PX}px`).join(',');
  const positions = laneIndexes
    .map((lane) => `0 calc(100% - ${(lanes - 1 - lane) * UNDERLINE_GAP_PX}px)`)
    .join(',');
  const perVerdict = VERDICTS.map((verdict) => {
    const cls = verdictClass(verdict);
    const colour = VERDICT_COLOURS[verdict];
    const laneRules = laneIndexes.map((lane) => `.fm-l${lane}-${cls}{--fm-l${lane}:${colour}}`);
    return [
      `mark.fm-f-${cls}{background-color:${colour}${FILL_ALPHA_HEX}}`,
      `.fm-v-${cls}{--fm-v:${colour}}`,
      ...laneRules,
    ].join('');
  }).join('\n');
  const padding = lanes * UNDERLINE_GAP_PX;
  return `
:root{color-scheme:light}
body{margin:0 auto;max-width:46rem;padding:2rem 1.25rem;font:17px/1.7 Georgia,'Times New Roman',serif;color:#1f2328;background:#fff}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .5rem}
h2{font-size:1.35rem;margin:2.5rem 0 1rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
.fm-meta{margin:.15rem 0;color:#57606a;font:14px/1.5 system-ui,sans-serif}
.fm-meta code{font-size:12px;word-break:break-all}
.fm-legend{list-style:none;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.4rem .9rem;font:13px system-ui,sans-serif}
.fm-chip{display:inline-block;padding:0 .45em;border-radius:.3em;color:#fff;background:var(--fm-v);font:600 .8em/1.6 system-ui,sans-serif;white-space:nowrap}
.fm-article p{margin:0 0 1.1em;line-height:calc(1.7em + ${padding}px)}
mark.fm-seg{color:inherit;background-color:transparent;padding-bottom:${padding}px;background-image:${images};background-size:${sizes};background-position:${positions};background-repeat:no-repeat;-webkit-box-decoration-break:clone;box-decoration-break:clone}
${perVerdict}
.fm-ref{font:700 .7em/0 system-ui,sans-serif;margin:0 .1em}
.fm-ref a{color:#0969da;text-decoration:none}
.fm-notes ol{list-style:none;padding:0;margin:0}
.fm-note{border-left:4px solid var(--fm-v);padding:.3rem 0 .3rem 1rem;margin:0 0 1.4rem;font:15px/1.55 system-ui,sans-serif}
.fm-note h3{font-size:1rem;margin:0 0 .3rem;display:flex;gap:.5rem;align-items:baseline}
.fm-num{font-weight:700}
.fm-claim{font:italic 1.05rem/1.5 Georgia,serif;margin:.2rem 0 .5rem}
.fm-note dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}
.fm-note dt{font-weight:600;color:#57606a}
.fm-note dd{margin:0}
.fm-note dd p{margin:0 0 .4rem}
.fm-note ul{margin:0;padding-left:1.1rem}
.fm-note blockquote{margin:.2rem 0;padding-left:.6rem;border-left:2px solid #d0d7de;color:#424a53}
.fm-url{color:#57606a;word-break:break-all}
.fm-back{color:#0969da;text-decoration:none}
footer{margin-top:3rem;color:#57606a;font:13px system-ui,sans-serif}
@media print{
@page{margin:18mm 16mm}
body{max-width:none;padding:0;font-size:11pt;line-height:1.5}
a{color:inherit}
mark.fm-seg,.fm-chip,.fm-note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fm-note{break-inside:avoid;font-size:10pt}
.fm-meta a[href^="http"]::after{content:" (" attr(href) ")";font-size:8.5pt;color:#57606a;word-break:break-all}
.fm-back{display:none}
h1,h2,h3{break-after:avoid}
.fm-article p{orphans:3;widows:3}
}
`;
}
