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
});
