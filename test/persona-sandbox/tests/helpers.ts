import { type SandboxControls, sandboxControls } from '../controls.ts';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../index.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON read by assertions
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export interface ApiClient {
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
}

/** A tiny client over real HTTP; `path` is relative to /api/v1 unless it starts with http. */
export function apiClient(sandbox: RunningSandbox, key: string | null = sandbox.key): ApiClient {
  async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const url = path.startsWith('http') ? path : `${sandbox.baseUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Json = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
  return {
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body ?? {}, headers),
    patch: (path, body, headers) => request('PATCH', path, body ?? {}, headers),
    delete: (path, headers) => request('DELETE', path, undefined, headers),
  };
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  api: ApiClient;
  controls: SandboxControls;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, ...options });
  return { sandbox, api: apiClient(sandbox), controls: sandboxControls(sandbox.origin) };
}

export const TEMPLATE_ID = 'itmpl_TestTemplate123';

export function createBody(
  attributes: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): Json {
  return { data: { attributes: { 'inquiry-template-id': TEMPLATE_ID, ...attributes } }, meta };
}

export async function createInquiry(
  api: ApiClient,
  attributes: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
): Promise<Json> {
  const response = await api.post('/inquiries', createBody(attributes, meta));
  if (response.status !== 201) throw new Error(`create failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function simulate(
  api: ApiClient,
  id: string,
  ...types: string[]
): Promise<ApiResponse> {
  return api.post(`/inquiries/${id}/perform-simulate-actions`, {
    meta: { 'simulate-actions': types.map((type) => ({ type })) },
  });
}

/** Fetches a hosted-flow page without following redirects, keeping cookies by hand. */
export async function page(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Posts the flow page's form the way a browser does: urlencoded `flow` and the button's `action`. */
export async function pressButton(origin: string, html: string, action: string) {
  const flow = /name="flow" value="([^"]+)"/.exec(html)?.[1];
  if (!flow) throw new Error('no flow token on the page');
  return page(`${origin}/verify/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ flow, action }).toString(),
  });
}
