// A small, valid PDF 1.4 with one page of text in Helvetica: enough for `GET /inquiries/{id}/print`
// to answer with a real document that any PDF reader opens. Only printable ASCII is written;
// anything else becomes "?", since the standard 14 fonts carry no other glyphs reliably.

const pdfString = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);

/** One A4 page; `lines[0]` is set larger as the title. Lines beyond the page are dropped. */
export function textPdf(lines: readonly string[]): Buffer {
  const shown = lines.slice(0, 48);
  const content = [
    'BT',
    '/F1 16 Tf',
    '56 790 Td',
    `(${pdfString(shown[0] ?? '')}) Tj`,
    '/F1 10 Tf',
    '0 -26 Td',
    ...shown.slice(1).flatMap((line) => [`(${pdfString(line)}) Tj`, '0 -15 Td']),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${offset.toString().padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
