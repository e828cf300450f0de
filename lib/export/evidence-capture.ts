/**
 * The one sentence the annotated exports (HTML, Markdown) write under an evidence source that was
 * archived (issue #15): when and what was stored, and where the quote sits in that copy. Plain
 * text; each exporter escapes it for its format.
 */
import { isoDateTime } from './dates';
import type { ExportEvidence } from './types';

/**
 * "Archived copy of <fetch time>: archive id …, SHA-256 …; quote found verbatim at code points
 * a–b of its text", or null when the evidence has no stored copy.
 */
export function describeEvidenceCapture(evidence: ExportEvidence): string | null {
  const capture = evidence.capture;
  if (!capture) return null;
  const what = capture.kind === 'UPLOAD' ? `Uploaded copy (${capture.url})` : 'Archived copy';
  const stored = `${what} of ${isoDateTime(capture.fetchedAt)}: archive id ${capture.id}, SHA-256 ${capture.sha256}`;
  const quote = evidence.quoteSelector;
  if (!evidence.quote) return `${stored}.`;
  if (!quote) return `${stored}; the quote was not found in it.`;
  const how = quote.match === 'EXACT' ? 'verbatim' : 'approximately';
  return `${stored}; quote found ${how} at characters ${quote.start}–${quote.end} of its text.`;
}
