import Link from 'next/link';
import ui from '@/components/ui/ui.module.css';

/** The review queue, refused to an editor (403). */
export default function ReviewForbidden() {
  return (
    <div className={`${ui.forbidden} ${ui.panel}`} role="alert">
      <h1>Access denied</h1>
      <p>The review queue needs the Reviewer or Admin role.</p>
      <Link href="/my-claims">Your claims</Link>
    </div>
  );
}
