// Where and on what the person did the inquiry: every session's network and device, with
// Persona's VPN, proxy, Tor, datacenter and threat-level signals as warnings when set.

import { formatDateTime } from '../../shared/format-date-time.ts';
import { t } from '../../shared/i18n.ts';
import type { SessionView } from '../../shared/persona/view-model.ts';
import { fieldWords } from '../components/field-words.ts';
import { formatNumber } from '../components/format-time.ts';

/** The section's heading, which the list of what needs a look leads to (attention-list.tsx). */
export const NETWORK_HEADING = 'network-heading';

/** Persona's network signals of one session, in words; none when it set none. */
export function warnings(session: SessionView): string[] {
  const out: string[] = [];
  if (session.isVpn) out.push(t('flagVpn'));
  if (session.isProxy) out.push(t('flagProxy'));
  if (session.isTor) out.push(t('flagTor'));
  if (session.isDatacenter) out.push(t('flagDatacenter'));
  const threat = session.threatLevel?.toLowerCase();
  if (threat && threat !== 'low') out.push(t('flagThreat', threatWord(threat)));
  return out;
}

/** Persona's levels in the reader's language; a level it adds later is shown as it sends it. */
export function threatWord(level: string): string {
  if (level === 'medium') return t('threatMedium');
  if (level === 'high') return t('threatHigh');
  return level;
}

/** A card's signals read as risks, on one line above its facts; nothing when there are none. */
export function WarningNote({ warnings: said }: { warnings: string[] }) {
  if (said.length === 0) return null;
  return (
    <p class="session-warnings" role="note">
      <span aria-hidden="true">⚠ </span>
      {said.join(' · ')}
    </p>
  );
}

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

/**
 * A session with nothing recorded of the person's network or device: one a new link made, which
 * nobody opened yet. As a card it would be three "not recorded" lines.
 */
const recordsNothing = (s: SessionView) =>
  !s.ipAddress &&
  !s.isp &&
  !s.countryCode &&
  !s.countryName &&
  !s.regionName &&
  !s.deviceType &&
  !s.deviceName &&
  !s.osName &&
  !s.browserName &&
  !s.userAgent &&
  warnings(s).length === 0;

export function DeviceNetwork({ sessions: all }: { sessions: SessionView[] | undefined }) {
  const sessions = all?.filter((s) => !recordsNothing(s));
  const unrecorded = (all?.length ?? 0) - (sessions?.length ?? 0);
  return (
    <section aria-labelledby={NETWORK_HEADING}>
      {/* Focusable from the list of what needs a look (attention-list.tsx), not by Tab. */}
      <h3 id={NETWORK_HEADING} tabIndex={-1}>
        {t('deviceNetwork')}
      </h3>
      {!sessions ? (
        <p class="muted">{t('sessionsNotLoaded')}</p>
      ) : sessions.length === 0 ? (
        <p class="muted">{t('noSessions')}</p>
      ) : (
        <>
          <ul class="plain-list sessions">
            {sessions.map((s) => {
              const flags = warnings(s);
              const place = joined(s.regionName, s.countryName ?? s.countryCode);
              const device = joined(
                s.deviceName ?? s.deviceType,
                s.osName,
                s.browserName ?? s.userAgent,
              );
              return (
                <li key={s.id} class="card session">
                  <WarningNote warnings={flags} />
                  <dl class="facts">
                    <div class="fact">
                      <dt>{t('ipAddress')}</dt>
                      <dd>
                        <code>{s.ipAddress ?? t('notRecorded')}</code>
                        {s.isp && <span class="muted"> ({s.isp})</span>}
                      </dd>
                    </div>
                    <div class="fact">
                      <dt>{t('location')}</dt>
                      <dd>{place || t('notRecorded')}</dd>
                    </div>
                    <div class="fact">
                      <dt>{t('device')}</dt>
                      <dd>{device || t('notRecorded')}</dd>
                    </div>
                    {s.createdAt && (
                      <div class="fact">
                        <dt>{t('session')}</dt>
                        <dd>
                          {fieldWords('session-status', s.status)}, {formatDateTime(s.createdAt)}
                        </dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
          {unrecorded > 0 && (
            <p class="muted">
              {unrecorded === 1
                ? t('unrecordedSessionOne')
                : t('unrecordedSessionsMany', formatNumber(unrecorded))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
