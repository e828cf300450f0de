'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import styles from './header.module.css';

/**
 * The header's navigation: inline on wide screens; behind a "Menu" button on phones and tablets
 * (the CSS decides which), closed again whenever the page changes.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return (
    <>
      <button
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((v) => !v)}
      >
        Menu
      </button>
      <div id="site-menu" className={`${styles.menu} ${open ? styles.open : ''}`}>
        {children}
      </div>
    </>
  );
}

/**
 * The global search box: a GET form to /search. The `/` key focuses it from anywhere except
 * while typing in a field.
 */
export function HeaderSearch() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const box = document.getElementById('global-search');
      if (!box) return;
      event.preventDefault();
      box.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form className={styles.search} method="get" action="/search" role="search">
      <label htmlFor="global-search" className={styles.visuallyHidden}>
        Search articles and claims
      </label>
      <input
        id="global-search"
        type="search"
        name="q"
        maxLength={200}
        required
        placeholder="Search ( / )"
        aria-keyshortcuts="/"
      />
    </form>
  );
}
