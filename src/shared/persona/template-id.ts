// Template ids, as a reviewer types them and Persona's create takes them.

const templateId = /^(itmplv?|tmpl)_[A-Za-z0-9]+$/;

/**
 * A template id Persona's create takes (https://docs.withpersona.com/api-reference/inquiries/create-an-inquiry):
 * `itmpl_` (a Dynamic Flow template), `itmplv_` (one version of it) or a legacy `tmpl_`, followed by
 * letters or digits. Each is sent under its own attribute (inquiry-writes.ts).
 */
export function isTemplateId(text: string): boolean {
  return templateId.test(text);
}
