'use client';

import { useState } from 'react';
import ui from '@/components/ui/ui.module.css';
import exportStyles from '@/components/export/export.module.css';

const FORMATS = [
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
  { format: 'w3c', label: 'W3C Web Annotation' },
] as const;

type Scope = 'approved' | 'all';

/** The article's downloads: annotated HTML, Markdown, JSON, W3C Web Annotation JSON-LD. */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [scope, setScope] = useState<Scope>('approved');
  const base = `/api/articles/${encodeURIComponent(articleId)}/export`;
  return (
    <div className={exportStyles.exportMenu} role="group" aria-label="Export">
      <span className={exportStyles.exportTitle}>Export</span>
      <label className="export-scope">
        <span className={ui.visuallyHidden}>Claims to export</span>
        <select
          value={scope}
          onChange={(event) => setScope(event.target.value === 'all' ? 'all' : 'approved')}
        >
          <option value="approved">Approved claims only</option>
          <option value="all">All claims with their review state</option>
        </select>
      </label>
      <ul className={exportStyles.exportLinks}>
        {FORMATS.map(({ format, label }) => (
          <li key={format}>
            <a href={`${base}?format=${format}&scope=${scope}`} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
