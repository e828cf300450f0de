import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="forbidden panel">
      <h1>Not found</h1>
      <p className="muted">There is nothing here, or it was removed.</p>
      <Link href="/">Back to the library</Link>
    </div>
  );
}
