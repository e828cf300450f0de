/**
 * Test helpers for the annotated HTML: a tag balance check and extraction of the highlighted
 * segments (no DOM in lib/, so a small tokenizer over the exporter's own, regular markup).
 */

import assert from 'node:assert/strict';

const VOID_ELEMENTS = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>/g;

/** Asserts every `<` starts a tag, and tags open and close in nested order. */
export function assertBalancedTags(html: string): void {
  const body = html.replace(/^<!DOCTYPE html>/, '');
  const stack: string[] = [];
  let last = 0;
  for (const match of body.matchAll(TAG)) {
    assert.ok(!body.slice(last, match.index).includes('<'), `stray < before ${match[0]}`);
    assert.ok(!body.slice(last, match.index).includes('>'), `stray > before ${match[0]}`);
    last = match.index + match[0].length;
    const [, closing, name = ''] = match;
    const tag = name.toLowerCase();
    if (VOID_ELEMENTS.has(tag)) continue;
    if (closing) assert.equal(stack.pop(), tag, `</${tag}> closes the open element`);
    else stack.push(tag);
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

/** Decodes the entities escapeHtml writes. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The article element's inner HTML. */
export function articleHtml(html: string): string {
  const match = /<article class="fm-article">([\s\S]*?)<\/article>/.exec(html);
  assert.ok(match, 'article element');
  return match[1] ?? '';
}

/** Paragraph texts of the article (tags and references removed, entities decoded). */
export function articleParagraphs(html: string): string[] {
  return [...articleHtml(html).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
    unescapeHtml(
      (m[1] ?? '').replace(/<sup class="fm-ref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, ''),
    ),
  );
}

/** A highlighted segment: its text and the claim numbers covering it. */
export type MarkedSegment = {
  readonly text: string;
  readonly claims: readonly number[];
  readonly classes: readonly string[];
};

/** Every `<mark>` of the article, in order. */
export function markedSegments(html: string): MarkedSegment[] {
  return [
    ...articleHtml(html).matchAll(
      /<mark class="([^"]*)" data-claims="([^"]*)"[^>]*>([\s\S]*?)<\/mark>/g,
    ),
  ].map((m) => ({
    classes: (m[1] ?? '').split(' '),
    claims: (m[2] ?? '').split(' ').map(Number),
    text: unescapeHtml(m[3] ?? ''),
  }));
}

/** Claim numbers of the references in the article, in order. */
export function references(html: string): number[] {
  return [...articleHtml(html).matchAll(/<sup class="fm-ref"><a href="#fm-claim-(\d+)"/g)].map(
    (m) => Number(m[1]),
  );
}

/** Every tag of the document: its name and its attribute names. */
export function tags(
  html: string,
): { readonly name: string; readonly attributes: readonly string[] }[] {
  return [...html.matchAll(TAG)].map((m) => ({
    name: (m[2] ?? '').toLowerCase(),
    attributes: [...(m[3] ?? '').matchAll(/([^\s=]+)="[^"]*"/g)].map((a) =>
      (a[1] ?? '').toLowerCase(),
    ),
  }));
}
