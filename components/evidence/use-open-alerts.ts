'use client';

/** The open "source changed since cited" alerts, by claim id: one request for a whole list. */
import { useEffect, useState } from 'react';
import { evidenceApi } from '@/lib/api/evidence-client';
import type { AlertDTO } from '@/lib/evidence/api-types';

export function useOpenAlerts(): ReadonlyMap<string, AlertDTO[]> {
  const [byClaim, setByClaim] = useState<ReadonlyMap<string, AlertDTO[]>>(new Map());
  useEffect(() => {
    let live = true;
    void evidenceApi.alerts().then((result) => {
      if (!live || !result.ok) return;
      const map = new Map<string, AlertDTO[]>();
      for (const alert of result.data.alerts) {
        map.set(alert.claim.id, [...(map.get(alert.claim.id) ?? []), alert]);
      }
      setByClaim(map);
    });
    return () => {
      live = false;
    };
  }, []);
  return byClaim;
}
