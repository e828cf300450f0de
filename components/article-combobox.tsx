'use client';

import { api } from '@/lib/api/client';
import { Combobox, type ComboboxOption } from './combobox';

/** Articles whose title, byline, source or text match what was typed, best first. */
async function findArticles(text: string): Promise<ComboboxOption[]> {
  const result = await api.searchArticles(text);
  if (!result.ok) return [];
  return (result.data.articles?.hits ?? []).map((hit) => ({
    value: hit.id,
    label: hit.title.map((segment) => segment.text).join(''),
  }));
}

/**
 * The "Article" filter of a GET form: searches the library as the user types (a newsroom's
 * archive is too long to send with the page). `current` is the article chosen now, if any.
 */
export function ArticleCombobox({
  name,
  current,
}: {
  name: string;
  current: { id: string; title: string } | null;
}) {
  return (
    <Combobox
      label="Article"
      name={name}
      value={current?.id}
      allLabel="All articles"
      options={current ? [{ value: current.id, label: current.title }] : []}
      load={findArticles}
    />
  );
}
