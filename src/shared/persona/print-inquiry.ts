// `GET /inquiries/{id}/print`: the inquiry as Persona's PDF (application/pdf, OAS 2025-12-08
// paths/inquiries_{inquiry-id}_print.yaml). The transport reads JSON; a PDF must be read as
// bytes, so this one request is made here, with the same headers, key custody and error mapping.
import { DeskError } from '../errors.ts';
import { t } from '../i18n.ts';
import { errorFromFailure, errorFromResponse } from './persona-error.ts';
import { apiUrl, itemPath } from './query.ts';
import { readResponseMeta } from './response-meta.ts';
import { PERSONA_VERSION } from './transport.ts';
import { resolveOptions, type TransportOptions } from './transport-options.ts';

export interface PrintedInquiry {
  bytes: Uint8Array;
  /** `<inquiry id>.pdf`: the name the reviewer's download gets. */
  filename: string;
}

export function inquiryPrint(options: TransportOptions) {
  const settings = resolveOptions(options);
  return async function printInquiry(id: string): Promise<PrintedInquiry> {
    const url = apiUrl(settings.baseUrl, itemPath('inquiries', id, 'print'));
    const context = {
      path: new URL(url).pathname,
      method: 'GET',
      apiKey: settings.apiKey,
      timeoutMs: settings.timeoutMs,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    let response: Response;
    let body: ArrayBuffer;
    try {
      response = await settings.fetch(url, {
        method: 'GET',
        headers: {
          Accept: 'application/pdf',
          Authorization: `Bearer ${settings.apiKey}`,
          'Persona-Version': PERSONA_VERSION,
          'Key-Inflection': 'kebab',
        },
        // The PDF is personal data; the HTTP cache is on disk.
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      body = await response.arrayBuffer();
    } catch {
      throw errorFromFailure(controller.signal.aborted ? 'timeout' : 'network', context);
    } finally {
      clearTimeout(timer);
    }
    const meta = readResponseMeta(response.status, response.headers);
    // The same listeners as every other request, so a print counts against the rate limit seen.
    try {
      settings.onResponse?.(meta, { method: 'GET', path: context.path });
      if (meta.rateLimit) settings.onRateLimit?.(meta.rateLimit, meta);
    } catch {}
    if (!response.ok) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {}
      throw errorFromResponse(parsed, meta, context);
    }
    const bytes = new Uint8Array(body);
    // "%PDF": anything else is not the document Persona documents.
    if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
      throw new DeskError({
        kind: 'bad_response',
        message: t('printNotPdf'),
      });
    }
    return { bytes, filename: `${id}.pdf` };
  };
}
