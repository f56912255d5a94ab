// The JSON:API `type` of a verification: `verification/<kind>`, or the one a test control set
// (`POST /__sandbox/inquiries/{id}/override`). Apart, since the inquiry's relationships and the
// verification's own resource both need it.
import type { VerificationRecord } from '../core/types.ts';

export function verificationType(record: VerificationRecord): string {
  return record.override?.type ?? `verification/${record.kind}`;
}
