import Link from 'next/link';
import ui from '@/components/ui/ui.module.css';

/** User management, refused to anyone but an admin (403). */
export default function UsersForbidden() {
  return (
    <div className={`${ui.forbidden} ${ui.panel}`} role="alert">
      <h1>Access denied</h1>
      <p>User management needs the Admin role. Ask an admin if you need an account changed.</p>
      <Link href="/">Back to the library</Link>
    </div>
  );
}
