import Link from 'next/link';

/** The review queue, refused to an editor (403). */
export default function ReviewForbidden() {
  return (
    <div className="forbidden panel" role="alert">
      <h1>Access denied</h1>
      <p>The review queue needs the Reviewer or Admin role.</p>
      <Link href="/my-claims">Your claims</Link>
    </div>
  );
}
