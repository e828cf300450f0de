import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import './globals.css';
import styles from './layout.module.css';

export const metadata: Metadata = {
  title: { default: 'Factmark', template: '%s · Factmark' },
  description: 'Fact-check annotation editor',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className={styles.body}>
        <SiteHeader />
        <main className={styles.main}>{children}</main>
      </body>
    </html>
  );
}
