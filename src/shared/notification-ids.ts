// Ids of the desk's notifications, shared by the worker, which shows them, and the pages, which
// clear one once the reviewer has looked at its inquiry. The id carries the inquiry id, so a
// click still opens the right inquiry after the worker restarted in between
// (https://developer.chrome.com/docs/extensions/reference/api/notifications).

export const NOTIFICATION_PREFIX = 'inquiry-desk:';

/** The notification about one inquiry's change. */
export function notificationId(inquiryId: string): string {
  return `${NOTIFICATION_PREFIX}${inquiryId}`;
}
