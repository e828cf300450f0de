import Link from 'next/link';
import ui from '@/components/ui/ui.module.css';

export default function NotFound() {
  return (
    <div className={`${ui.forbidden} ${ui.panel}`}>
      <h1>Not found</h1>
      <p className={ui.muted}>There is nothing here, or it was removed.</p>
      <Link href="/">Back to the library</Link>
    </div>
  );
}
