// Where an inquiry is opened in Persona's dashboard.
import { isLoopbackBaseUrl } from './api-origin.ts';

const dashboardOrigin = 'https://app.withpersona.com';

/**
 * The inquiry's page in the Persona dashboard; for the local sandbox, its own dashboard page.
 * Dashboard pages need the reviewer's login, not the key, so the link is safe to open or share.
 */
export function dashboardInquiryUrl(baseUrl: string, id: string): string {
  const path = `/dashboard/inquiries/${encodeURIComponent(id)}`;
  if (isLoopbackBaseUrl(baseUrl)) return `${new URL(baseUrl).origin}${path}`;
  return `${dashboardOrigin}${path}`;
}
