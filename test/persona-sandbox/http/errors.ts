import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One entry of Persona's `{"errors": [...]}` body (OAS components/responses/*). */
export interface PersonaErrorObject {
  title: string;
  details?: string;
  source?: { pointer: string };
  meta?: Record<string, unknown>;
}

/** Thrown anywhere under /api/v1; the app's error handler turns it into Persona's error body. */
export class PersonaError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly errors: PersonaErrorObject[],
  ) {
    super(errors[0]?.details ?? errors[0]?.title ?? `HTTP ${status}`);
  }
}

export const unauthorized = (
  title: 'Must be authenticated to access this endpoint' | 'Token is invalid',
) => new PersonaError(401, [{ title }]);

export const badRequest = (details: string) =>
  new PersonaError(400, [{ title: 'Bad Request', details }]);

export const forbidden = (details: string) =>
  new PersonaError(403, [{ title: 'Forbidden', details }]);

export const recordNotFound = () => new PersonaError(404, [{ title: 'Record not found' }]);

export const routeNotFound = (method: string, path: string) =>
  new PersonaError(404, [{ title: 'Not found', details: `No route matches ${method} ${path}` }]);

export const conflict = (details: string) =>
  new PersonaError(409, [{ title: 'Conflict', details }]);

export const unprocessable = (details: string, pointer?: string) =>
  new PersonaError(422, [
    { title: 'Unprocessable entity', details, ...(pointer ? { source: { pointer } } : {}) },
  ]);

export const rateLimited = (limit: number) =>
  new PersonaError(429, [
    {
      title: 'Rate limit exceeded',
      details: `You have hit your rate limit of ${limit} requests / min. Please reach out to support@withpersona.com if you need this changed.`,
    },
  ]);

const SERVER_TITLES: Record<number, string> = {
  408: 'Request Timeout',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** Bodies for injected faults; 4xx statuses reuse the matching API error. */
export function injectedError(status: number): PersonaError {
  switch (status) {
    case 400:
      return badRequest('Injected by the sandbox fault controls');
    case 401:
      return unauthorized('Token is invalid');
    case 403:
      return forbidden('Injected by the sandbox fault controls');
    case 404:
      return recordNotFound();
    case 409:
      return conflict('Attempted to update a record that was just modified. Please try again.');
    case 422:
      return unprocessable('Injected by the sandbox fault controls');
    default:
      return new PersonaError(status as ContentfulStatusCode, [
        { title: SERVER_TITLES[status] ?? 'Internal server error' },
      ]);
  }
}
