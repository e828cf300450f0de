import Link from 'next/link';
import ui from '@/components/ui/ui.module.css';

/** A page the signed-in user's role may not open (403). */
export default function Forbidden() {
  return (
    <div className={`${ui.forbidden} ${ui.panel}`} role="alert">
      <h1>Access denied</h1>
      <p>Your role does not allow this page.</p>
      <Link href="/">Back to the library</Link>
    </div>
  );
}
