// `GET /inquiries/{id}/print`: the inquiry as Persona's PDF (application/pdf, OAS 2025-12-08
// paths/inquiries_{inquiry-id}_print.yaml). Sent by the transport like every other call (its
// headers, key custody, retries, rate-limit records and error mapping); only its answer is bytes.
import { deskError } from '../errors.ts';
import { apiUrl, itemPath } from './query.ts';
import type { Transport } from './transport.ts';

export interface PrintedInquiry {
  bytes: Uint8Array;
  /** `<inquiry id>.pdf`: the name the reviewer's download gets. */
  filename: string;
}

export function inquiryPrint(transport: Transport) {
  return async function printInquiry(id: string): Promise<PrintedInquiry> {
    const { body } = await transport.send({
      method: 'GET',
      url: apiUrl(transport.baseUrl, itemPath('inquiries', id, 'print')),
      accept: 'application/pdf',
    });
    const bytes = body as Uint8Array;
    // Anything else is not the document Persona documents.
    if (String.fromCharCode(...bytes.subarray(0, 4)) !== '%PDF') {
      throw deskError('bad_response', 'printNotPdf');
    }
    return { bytes, filename: `${id}.pdf` };
  };
}
