// Persona bodies as the local sandbox answers them, over loopback HTTP: every read the
// client makes (an inquiry with and without its related objects, sparse fieldsets, list pages,
// reports, verifications, events, the key checks), the writes' answers (create, one-time link,
// resume, decisions, tags) and error answers (404, 401, 400, 409, 422), in the three key
// inflections and both API versions. For tests that need many realistic bodies.
import { sandboxControls } from '../../../persona-sandbox/controls.ts';
import { startSandbox } from '../../../persona-sandbox/index.ts';

export interface SandboxBody {
  /** Method, path and options, to name a body in a failure. */
  name: string;
  body: unknown;
}

const INFLECTIONS = ['kebab', 'snake', 'camel'] as const;
const VERSIONS = ['2025-12-08', '2023-01-05'] as const;
type Inflection = (typeof INFLECTIONS)[number];
type Version = (typeof VERSIONS)[number];

interface Options {
  inflection?: Inflection;
  version?: Version;
  key?: string;
  body?: unknown;
}

export async function collectSandboxBodies(): Promise<SandboxBody[]> {
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 1_000_000 });
  try {
    return await collect(sandbox.baseUrl, sandbox.key, sandboxControls(sandbox.origin).seed);
  } finally {
    await sandbox.close();
  }
}

async function collect(
  api: string,
  key: string,
  seed: (count: number) => Promise<string[]>,
): Promise<SandboxBody[]> {
  const bodies: SandboxBody[] = [];
  let keys = 0;

  async function call(method: string, path: string, options: Options = {}): Promise<unknown> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.key ?? key}`,
      'Persona-Version': options.version ?? '2025-12-08',
      'Key-Inflection': options.inflection ?? 'kebab',
      Accept: 'application/json',
    };
    const init: RequestInit = { method, headers };
    if (method === 'POST') headers['Idempotency-Key'] = `equivalence-${keys++}`;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    const response = await fetch(`${api}${path}`, init);
    const text = await response.text();
    if (text.trim() === '') return undefined;
    const body = JSON.parse(text) as unknown;
    const label = `${method} ${path} ${options.inflection ?? 'kebab'} ${options.version ?? ''}`;
    bodies.push({ name: `${label.trim()} → ${response.status}`, body });
    return body;
  }

  /** The same read in every inflection and version. */
  async function everyWay(path: string): Promise<unknown> {
    let first: unknown;
    for (const version of VERSIONS) {
      for (const inflection of INFLECTIONS) {
        const body = await call('GET', path, { inflection, version });
        first ??= body;
      }
    }
    return first;
  }

  const ids = await seed(16);
  const reports = new Set<string>();
  const verifications = new Set<string>();
  for (const id of ids) {
    const detail = (await everyWay(`/inquiries/${id}?include=verifications,reports,sessions`)) as {
      included?: { type: string; id: string }[];
    };
    for (const item of detail.included ?? []) {
      if (item.type.startsWith('report/')) reports.add(item.id);
      if (item.type.startsWith('verification/')) verifications.add(item.id);
    }
    await call('GET', `/inquiries/${id}`);
    await call('GET', `/inquiries/${id}?include=verifications&fields[inquiry]=status,tags`);
    await call('GET', `/events?filter[object-id]=${id}&page[size]=100`);
  }
  for (const id of reports) await everyWay(`/reports/${id}`);
  for (const id of verifications) await call('GET', `/verifications/${id}`);

  let page = (await everyWay('/inquiries?page[size]=5')) as { links?: { next?: string | null } };
  for (let n = 0; n < 3 && page.links?.next; n++) {
    page = (await call('GET', page.links.next.replace(/^\/api\/v1/, ''))) as typeof page;
  }
  await call('GET', '/inquiries?filter[status]=needs_review');
  await everyWay('/rate-limits');
  await everyWay('/api-keys/permissions');

  // Writes, then the answers a reviewer's actions get.
  const template = 'itmpl_EquivalenceTemplate1';
  for (const inflection of INFLECTIONS) {
    await call('POST', '/inquiries', {
      inflection,
      body: {
        data: {
          attributes: {
            'inquiry-template-id': template,
            'reference-id': `equivalence-${inflection}`,
            fields: { 'name-first': 'Jane', 'name-last': 'Doe' },
          },
        },
        meta: { 'auto-create-account': true },
      },
    });
  }
  const created = (await call('POST', '/inquiries', {
    body: { data: { attributes: { 'inquiry-template-id': template } } },
  })) as { data: { id: string } };
  const fresh = created.data.id;
  await call('POST', `/inquiries/${fresh}/generate-one-time-link`, { body: {} });
  await call('POST', `/inquiries/${fresh}/add-tag`, { body: { meta: { 'tag-name': 'vip' } } });
  await call('POST', `/inquiries/${fresh}/set-tags`, {
    body: { meta: { 'tag-name': ['a', 'b'] } },
  });
  await call('POST', `/inquiries/${fresh}/remove-tag`, { body: { meta: { 'tag-name': 'a' } } });
  await call('PATCH', `/inquiries/${fresh}`, { body: { data: { attributes: { note: 'n' } } } });
  const simulate = (type: string) =>
    call('POST', `/inquiries/${fresh}/perform-simulate-actions`, {
      body: { meta: { 'simulate-actions': [{ type }] } },
    });
  await simulate('start_inquiry');
  await call('POST', `/inquiries/${fresh}/resume`, { body: {} });
  await simulate('complete_inquiry');
  for (const id of ids) {
    await call('POST', `/inquiries/${id}/approve`, { body: { meta: { comment: 'ok' } } });
    await call('POST', `/inquiries/${id}/decline`, { body: {} });
    await call('POST', `/inquiries/${id}/mark-for-review`, { body: {} });
  }
  // Errors.
  await call('GET', '/inquiries/inq_NoSuchInquiry000000000000');
  await call('GET', '/reports/rep_NoSuchReport');
  await call('GET', '/inquiries', { key: 'not-a-key' });
  await call('GET', `/inquiries/${fresh}?include=nonsense`);
  await call('POST', '/inquiries', { body: { data: { attributes: {} } } });
  await call('POST', '/inquiries', {
    body: { data: { attributes: { 'inquiry-template-id': 'itmpl_not valid!' } } },
  });
  await call('POST', '/inquiries', {
    body: {
      data: { attributes: { 'inquiry-template-id': template, fields: { birthdate: 'soon' } } },
    },
  });
  return bodies;
}
