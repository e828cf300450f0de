'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import styles from './combobox.module.css';

export interface ComboboxOption {
  value: string;
  label: string;
}

/** How many matches the list shows at once; typing narrows the rest. */
const MAX_SHOWN = 50;
/** A remote list asks once typing pauses this long, and only for this many characters or more. */
const LOAD_DELAY_MS = 150;
const LOAD_MIN_CHARS = 2;

/**
 * A searchable choice for GET filter forms (WAI-ARIA combobox with a list box): type to narrow
 * the options, arrow keys and Enter (or a tap) to pick, Escape to close. The chosen value goes
 * in a hidden input named `name`; an empty box means "all".
 *
 * With `load`, the choices come from the server as the user types (e.g. over the search API,
 * for lists too long to send with the page); `options` then only needs the current choice.
 */
export function Combobox({
  label,
  name,
  value,
  allLabel,
  options,
  load,
}: {
  label: string;
  name: string;
  value: string | undefined;
  allLabel: string;
  options: readonly ComboboxOption[];
  load?: (text: string) => Promise<readonly ComboboxOption[]>;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const initial = options.find((o) => o.value === value);
  const [text, setText] = useState(initial?.label ?? '');
  const [chosen, setChosen] = useState(initial?.value ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<{ text: string; options: readonly ComboboxOption[] }>();
  const needle = text.trim();
  const asking = Boolean(load) && open && needle.length >= LOAD_MIN_CHARS;

  useEffect(() => {
    if (!load || !asking) return;
    let live = true;
    const timer = setTimeout(() => {
      void load(needle).then((found) => {
        if (!live) return;
        setLoaded({ text: needle, options: found });
        // Typed a whole label before the list came: that is the choice.
        const exact = found.find((o) => o.label.toLowerCase() === needle.toLowerCase());
        if (exact) setChosen(exact.value);
      });
    }, LOAD_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [load, asking, needle]);

  const matches = useMemo(() => {
    if (load) {
      if (!asking) return initial ? [initial] : [];
      return (loaded?.options ?? []).slice(0, MAX_SHOWN);
    }
    const lower = needle.toLowerCase();
    const all = lower ? options.filter((o) => o.label.toLowerCase().includes(lower)) : options;
    return all.slice(0, MAX_SHOWN);
  }, [load, asking, loaded, initial, options, needle]);
  const waiting = asking && loaded?.text !== needle;

  const pick = (option: ComboboxOption | null) => {
    setChosen(option?.value ?? '');
    setText(option?.label ?? '');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.max(0, Math.min(i + 1, matches.length - 1)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className={styles.box}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder={allLabel}
        value={text}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setActive(0);
          setOpen(true);
          // The box holds a choice or nothing: typing an exact label picks it, anything else "all".
          const exact = (load ? (loaded?.options ?? []) : options).find(
            (o) => o.label.toLowerCase() === next.trim().toLowerCase(),
          );
          setChosen(exact?.value ?? '');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <input type="hidden" name={name} value={chosen} />
      {open && (
        <ul id={listId} role="listbox" aria-label={label} className={styles.list}>
          {matches.length === 0 && (
            <li className={styles.none}>
              {waiting
                ? 'Searching…'
                : load && !asking
                  ? `Type ${LOAD_MIN_CHARS} letters or more`
                  : 'No match'}
            </li>
          )}
          {matches.map((option, index) => (
            <li
              key={option.value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? styles.active : undefined}
              // mousedown, not click: it fires before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              {option.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
