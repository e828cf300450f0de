/**
 * The simpler extraction used when the DOM pipeline (./html) fails on a page: the markup is
 * scanned with regular expressions only (no parser, no recursion, linear in the input), text
 * outside markup is cut into blocks at block-level tags, and the blocks go to the same cleaner.
 * Headings and list items keep their kind; links, landmarks and Readability's hints are lost,
 * so the result is rougher, and the preview says that this extraction was used.
 */
import { decodeEntities, type StructuredBlock } from '@/lib/import';

/** Elements whose content is never text (scanned past as a whole). */
const SKIPPED = ['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'textarea'];

/** Tags that end one block and start another. */
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 ' +
    'h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul caption'
  ).split(' '),
);

/** Blocks of `html` by a linear scan: never throws, whatever the markup. */
export function fallbackHtmlBlocks(html: string): StructuredBlock[] {
  let text = html.replace(/<!--[^]*?(?:-->|$)/g, ' ');
  for (const tag of SKIPPED) {
    text = text.replace(new RegExp(`<${tag}\\b[^]*?(?:</${tag}\\s*>|$)`, 'gi'), ' ');
  }
  const blocks: StructuredBlock[] = [];
  let parts: string[] = [];
  let heading = 0;
  let listItem = false;
  const flush = () => {
    const content = decodeEntities(parts.join(''))
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
    if (content) {
      blocks.push(
        heading
          ? { kind: 'heading', level: heading, text: content }
          : { kind: 'paragraph', text: content, listItem },
      );
    }
    parts = [];
    heading = 0;
    listItem = false;
  };
  const tagPattern = /<(\/?)([a-z][a-z0-9-]*)\b[^<>]*>?/gi;
  let from = 0;
  for (let match = tagPattern.exec(text); match; match = tagPattern.exec(text)) {
    parts.push(text.slice(from, match.index));
    from = tagPattern.lastIndex;
    const name = match[2]!.toLowerCase();
    if (!BLOCK_TAGS.has(name)) continue;
    flush();
    if (match[1]) continue;
    const level = /^h([1-6])$/.exec(name);
    if (level) heading = Number(level[1]);
    if (name === 'li') listItem = true;
  }
  parts.push(text.slice(from));
  flush();
  return blocks;
}
