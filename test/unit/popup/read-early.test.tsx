// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { writeItem } from '../../../src/shared/storage.ts';
import { keyInfoItem, recentLookupsItem } from '../../../src/shared/storage-items.ts';
import { readEarly, useStored } from '../../../src/ui/use-stored.ts';

afterEach(cleanup);

function Masked() {
  const info = useStored(keyInfoItem);
  return <p>{info === undefined ? 'loading' : (info?.masked ?? 'no key')}</p>;
}

describe('reading the first screen before the first render', () => {
  it('has the stored value in the very first render', async () => {
    await writeItem(keyInfoItem, {
      masked: 'persona_sandbox_…abcd',
      environment: 'sandbox',
      savedAt: 1,
    });
    await readEarly([keyInfoItem]);
    render(<Masked />);
    // Synchronously, before any effect ran: no "loading" frame.
    expect(screen.getByText('persona_sandbox_…abcd')).toBeTruthy();
  });

  it('parses with the schema: a value that fails it is not shown', async () => {
    await fakeBrowser.storage.local.set({ keyInfo: { masked: 42 } });
    await readEarly([keyInfoItem]);
    render(<Masked />);
    expect(screen.queryByText('42')).toBeNull();
    expect(screen.getByText('no key')).toBeTruthy();
  });

  it('keeps what it read current when storage changes before a view takes over', async () => {
    await readEarly([recentLookupsItem]);
    await writeItem(recentLookupsItem, ['inq_later']);
    function Recent() {
      return <p>{(useStored(recentLookupsItem) ?? []).join(',') || 'none'}</p>;
    }
    render(<Recent />);
    expect(screen.getByText('inq_later')).toBeTruthy();
  });
});
