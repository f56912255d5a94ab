import { useEffect, useState } from 'preact/hooks';
import { readAuditTrail } from '../shared/audit/read-trail.ts';
import type { AuditTrail } from '../shared/audit/trail.ts';
import { auditTrailItem } from '../shared/audit/trail-item.ts';
import { watchItem } from '../shared/storage.ts';

/** The whole audit trail, read again whenever its head changes (each append changes it). */
export function useAuditTrail(): AuditTrail | undefined {
  const [trail, setTrail] = useState<AuditTrail>();
  useEffect(() => {
    let live = true;
    let latest = 0;
    const read = () => {
      const mine = ++latest;
      // Reads may finish out of order; only the last one started is shown.
      void readAuditTrail().then((next) => live && mine === latest && setTrail(next));
    };
    const stop = watchItem(auditTrailItem, read);
    read();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return trail;
}
