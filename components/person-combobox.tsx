'use client';

import { useCallback } from 'react';
import { api } from '@/lib/api/client';
import { personLabel, type PeopleGroup, type Person } from '@/lib/people';
import { Combobox, type ComboboxOption } from './combobox';

/**
 * An Author or Reviewer filter of a GET form: finds people of `among` by name as the user types
 * (a newsroom's staff list is not sent with the page). `current` is the person chosen now.
 */
export function PersonCombobox({
  label,
  name,
  among,
  allLabel,
  current,
}: {
  label: string;
  name: string;
  among: PeopleGroup;
  allLabel: string;
  current: Person | null;
}) {
  const find = useCallback(
    async (text: string): Promise<ComboboxOption[]> => {
      const result = await api.searchPeople(text, among);
      if (!result.ok) return [];
      return result.data.people.map((person) => ({ value: person.id, label: personLabel(person) }));
    },
    [among],
  );
  return (
    <Combobox
      label={label}
      name={name}
      value={current?.id}
      allLabel={allLabel}
      options={current ? [{ value: current.id, label: personLabel(current) }] : []}
      load={find}
    />
  );
}
