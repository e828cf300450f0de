'use client';

import { useCallback } from 'react';
import { api } from '@/lib/api/client';
import type { LibraryValueField } from '@/lib/library';
import { Combobox, type ComboboxOption } from './combobox';

/**
 * The library's Source or Author filter: finds the values articles have as the user types (an
 * archive's sources and bylines are too many to send with the page). `current` is the value
 * filtered by now, if any.
 */
export function LibraryValueCombobox({
  label,
  name,
  field,
  allLabel,
  current,
}: {
  label: string;
  name: string;
  field: LibraryValueField;
  allLabel: string;
  current: string | undefined;
}) {
  const find = useCallback(
    async (text: string): Promise<ComboboxOption[]> => {
      const result = await api.libraryValues(field, text);
      if (!result.ok) return [];
      return result.data.values.map(({ value }) => ({ value, label: value }));
    },
    [field],
  );
  return (
    <Combobox
      label={label}
      name={name}
      value={current}
      allLabel={allLabel}
      options={current ? [{ value: current, label: current }] : []}
      load={find}
    />
  );
}
