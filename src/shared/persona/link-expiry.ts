// When a one-time link stops working.

/**
 * When a one-time link stops working, as far as it can be known: the lifetime asked for, and in
 * any case the inquiry's own expiry, which also expires its links
 * (https://docs.withpersona.com/docs/inquiry-expiration). `undefined` when neither is known.
 */
export function oneTimeLinkExpiry(
  now: number,
  requestedSeconds: number | undefined,
  inquiryExpiresAt: string | undefined,
): string | undefined {
  const bounds: number[] = [];
  if (requestedSeconds !== undefined && requestedSeconds > 0)
    bounds.push(now + requestedSeconds * 1000);
  const inquiryEnd = Date.parse(inquiryExpiresAt ?? '');
  if (!Number.isNaN(inquiryEnd)) bounds.push(inquiryEnd);
  return bounds.length > 0 ? new Date(Math.min(...bounds)).toISOString() : undefined;
}
