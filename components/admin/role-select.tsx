'use client';

import { useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '@/lib/domain';
import ui from '@/components/ui/ui.module.css';

/**
 * A user's role: choosing another one asks first ("Change role" / "Cancel") instead of saving
 * the moment the dropdown changes, since a role decides what someone may approve.
 */
export function RoleSelect({
  email,
  role,
  onConfirm,
}: {
  email: string;
  role: Role;
  onConfirm: (role: Role) => Promise<unknown>;
}) {
  const [pending, setPending] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className={ui.formRow}>
      <select
        aria-label={`Role of ${email}`}
        value={pending ?? role}
        onChange={(event) => {
          const next = event.target.value as Role;
          setPending(next === role ? null : next);
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {pending && (
        <>
          <button
            type="button"
            disabled={busy}
            aria-label={`Change role of ${email} to ${ROLE_LABELS[pending]}`}
            onClick={async () => {
              setBusy(true);
              await onConfirm(pending);
              setBusy(false);
              setPending(null);
            }}
          >
            Change role
          </button>
          <button type="button" className={ui.secondary} onClick={() => setPending(null)}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
