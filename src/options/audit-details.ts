// An activity log entry's details (chain.ts `AuditEntry.details`: names, never values) in the
// reviewer's language: the field a reveal showed, as the inquiry's page labels it, and the
// settings a save changed, as this page labels them. A name this version does not know (written by
// a later one) is shown as it was recorded.
import type { AuditEntry } from '../shared/audit/trail.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import type { Settings } from '../shared/settings.ts';
import { fieldLabel, verificationLabel } from '../ui/components/view-labels.ts';

const settingLabels: Record<keyof Settings, MessageKey> = {
  baseUrl: 'baseUrl',
  allowProduction: 'allowProduction',
  defaultTemplateId: 'defaultTemplate',
  templates: 'namedTemplates',
  pollSeconds: 'pollInterval',
  notifications: 'notifyOnChange',
  notifyReference: 'notifyReference',
  chatTemplate: 'chatTemplate',
  linkExpiryHours: 'linkLifetime',
  forgetDecidedAfterHours: 'forgetAfter',
  autoLockMinutes: 'autoLockAfter',
  addressBarLookup: 'settingAddressBarLookup',
  contextMenuLookup: 'settingContextMenuLookup',
};

/** `inquiry:birthdate` → "Date of birth"; `government-id:identification-number` → "… (Government ID)". */
function revealedInWords(name: string): string {
  if (name === 'all') return t('auditAllFields');
  const at = name.indexOf(':');
  if (at < 0) return name;
  const scope = name.slice(0, at);
  const label = fieldLabel(name.slice(at + 1));
  return scope === 'inquiry' ? label : `${label} (${verificationLabel(`verification/${scope}`)})`;
}

function settingInWords(name: string): string {
  return Object.hasOwn(settingLabels, name) ? t(settingLabels[name as keyof Settings]) : name;
}

/** The entry's details in words, one per name; none for an entry without them. */
export function detailsInWords(entry: Pick<AuditEntry, 'action' | 'details'>): string[] {
  const inWords =
    entry.action === 'reveal'
      ? revealedInWords
      : entry.action === 'settingsChanged'
        ? settingInWords
        : (name: string) => name;
  return (entry.details ?? []).map(inWords);
}
