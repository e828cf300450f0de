/**
 * Pasted block text (a browser's copy: each block of the page a plain line, no markup) of real
 * pages from the evaluation corpus (lib/import/fixtures/trafilatura-eval, Apache-2.0), judged
 * against the corpus's own human-made passages: what must appear and what must not.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { cleanText } from '@/lib/import';
import { corpusPage } from './corpus-pages';
import { extractHtml } from './html';

const CORPUS = new URL('../../lib/import/fixtures/trafilatura-eval/', import.meta.url);
const expectations = JSON.parse(readFileSync(new URL('evaldata.json', CORPUS), 'utf8')) as Record<
  string,
  { with: string[]; without: string[] }
>;

/** The page's blocks as plain lines, cleaned as pasted text. */
function pasted(file: string) {
  const lines = extractHtml(corpusPage(file), { readability: false }).blocks.map((b) => b.text);
  return cleanText(lines.join('\n'));
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('cleanText: furniture between and after the prose of pasted pages', () => {
  it('removes a WordPress post footer, its comment form and the follow-the-blog prompt', () => {
    // beyssonmanagement.com: the tag line ("Dieser Eintrag wurde veröffentlicht in …") and
    // "Bitte geben Sie Ihre E-Mail-Adresse ein, um diesem Blog zu folgen …" read as sentences.
    const file = '087.html.gz';
    const text = flat(pasted(file).text);
    for (const passage of expectations[file]!.with) assert.ok(text.includes(passage), passage);
    for (const passage of expectations[file]!.without) {
      assert.ok(!text.includes(passage), `kept: ${passage}`);
    }
    assert.ok(!text.includes('Gib hier deinen Kommentar ein'));
  });

  it('removes the headlines of other stories under a Spanish article', () => {
    // ultimahora.com: "Asunción: Tras ola de robos, …", "Incautan 38 toneladas de marihuana …".
    const file = '179.html.gz';
    const result = pasted(file);
    const text = flat(result.text);
    for (const passage of expectations[file]!.with) assert.ok(text.includes(passage), passage);
    for (const passage of expectations[file]!.without) {
      assert.ok(!text.includes(passage.trim()), `kept: ${passage}`);
    }
    const removed = result.removed.find((g) => g.text.includes('Incautan 38 toneladas'));
    assert.ok(removed, 'listed among the removed groups, so the editor can keep it');
  });
});
