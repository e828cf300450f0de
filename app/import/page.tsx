import type { Metadata } from 'next';
import { ImportForm } from '@/components/import/import-form';
import { requirePageUser } from '@/server/platform/session';
import ui from '@/components/ui/ui.module.css';

export const metadata: Metadata = { title: 'Import article' };

/** Import an article from pasted text or HTML, a file, or a web address (every role). */
export default async function ImportPage() {
  await requirePageUser('/import');
  return (
    <>
      <h1>Import article</h1>
      <p className={ui.muted}>
        Paste the text or HTML of an article, upload a file, or give its address. The preview shows
        the article as it will be saved beside what was removed from the page, and why.
      </p>
      <ImportForm />
    </>
  );
}
