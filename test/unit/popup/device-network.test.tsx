// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceNetwork } from '../../../src/ui/evidence/device-network.tsx';
import { readCatalogue, resolveMessage } from '../i18n/catalogue.ts';

afterEach(cleanup);

function inGerman() {
  const german = readCatalogue('de');
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | (string | number)[]) =>
    resolveMessage(german, key, subs === undefined ? [] : [subs].flat().map(String));
}

describe('device and network warnings', () => {
  it('says the threat level in the reader’s language, and a level Persona adds as sent', () => {
    inGerman();
    render(
      <DeviceNetwork
        sessions={[
          { id: 'iqse_1', status: 'expired', isProxy: true, threatLevel: 'high' },
          { id: 'iqse_2', status: 'expired', threatLevel: 'severe' },
        ]}
      />,
    );
    const text = screen.getByRole('region').textContent ?? '';
    expect(text).toContain('Bedrohungsstufe hoch');
    expect(text).not.toContain('Bedrohungsstufe high');
    expect(text).toContain('Bedrohungsstufe severe');
  });

  it('folds sessions with nothing recorded (links not opened) into one line, not empty cards', () => {
    const empty = (id: string) => ({ id, status: 'new' });
    render(<DeviceNetwork sessions={[empty('iqse_a'), empty('iqse_b')]} />);
    expect(screen.getByRole('region').textContent).toContain(
      'No sessions recorded: the person has not opened the flow.',
    );
    expect(screen.queryByText('not recorded')).toBeNull();
    cleanup();
    const opened = { id: 'iqse_c', status: 'active', ipAddress: '203.0.113.9' };
    render(<DeviceNetwork sessions={[opened, empty('iqse_a'), empty('iqse_b')]} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByRole('region').textContent).toContain(
      '2 more sessions have nothing recorded yet: their links have not been opened.',
    );
  });
});
