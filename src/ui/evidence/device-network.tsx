// Where and on what the person did the inquiry: every session's network and device, with
// Persona's VPN, proxy, Tor, datacenter and threat-level signals as warnings when set.
import type { SessionView } from '../../shared/persona/view-model.ts';
import { formatDateTime } from '../components/format-time.ts';

function warnings(session: SessionView): string[] {
  const out: string[] = [];
  if (session.isVpn) out.push('VPN');
  if (session.isProxy) out.push('Proxy');
  if (session.isTor) out.push('Tor');
  if (session.isDatacenter) out.push('Datacenter network');
  const threat = session.threatLevel?.toLowerCase();
  if (threat && threat !== 'low') out.push(`Threat level ${threat}`);
  return out;
}

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

export function DeviceNetwork({ sessions }: { sessions: SessionView[] | undefined }) {
  return (
    <section aria-labelledby="network-heading">
      <h3 id="network-heading">Device and network</h3>
      {!sessions ? (
        <p class="muted">Not loaded with this copy of the inquiry. Refresh to see it.</p>
      ) : sessions.length === 0 ? (
        <p class="muted">No sessions recorded: the person has not opened the flow.</p>
      ) : (
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
                {flags.length > 0 && (
                  <p class="session-warnings" role="note">
                    <span aria-hidden="true">⚠ </span>
                    {flags.join(' · ')}
                  </p>
                )}
                <dl class="facts">
                  <div class="fact">
                    <dt>IP address</dt>
                    <dd>
                      <code>{s.ipAddress ?? 'not recorded'}</code>
                      {s.isp && <span class="muted"> ({s.isp})</span>}
                    </dd>
                  </div>
                  <div class="fact">
                    <dt>Location</dt>
                    <dd>{place || 'not recorded'}</dd>
                  </div>
                  <div class="fact">
                    <dt>Device</dt>
                    <dd>{device || 'not recorded'}</dd>
                  </div>
                  {s.createdAt && (
                    <div class="fact">
                      <dt>Session</dt>
                      <dd>
                        <code>{s.status}</code>, {formatDateTime(s.createdAt)}
                      </dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
