// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityLogSection } from '../../../src/options/activity-log-section.tsx';
import { writeItem } from '../../../src/shared/storage.ts';
import { keyInfoItem } from '../../../src/shared/storage-items.ts';

afterEach(cleanup);

const masked = 'persona_sandbox_…8b1c';
const saveKey = () =>
  writeItem(keyInfoItem, { masked, environment: 'sandbox', savedAt: Date.UTC(2026, 11, 5) });

describe('the activity log says how its entries name the reviewer', () => {
  it('the masked key, which everyone sharing it signs alike', async () => {
    await saveKey();
    render(<ActivityLogSection />);
    expect((await screen.findByTestId('log-signer')).textContent).toBe(
      `Entries name the reviewer by the masked key, ${masked}: reviewers who share a key are not told apart. Your organisation can give each reviewer a name (its “reviewer” policy).`,
    );
  });

  it("the organisation's name for the reviewer, when its policy sets one", async () => {
    await saveKey();
    render(<ActivityLogSection reviewer="ana@example.com" />);
    expect((await screen.findByTestId('log-signer')).textContent).toBe(
      'Entries name the reviewer as ana@example.com, the name your organisation set for you.',
    );
  });

  it('"no key saved", before a key is', async () => {
    await writeItem(keyInfoItem, null);
    render(<ActivityLogSection />);
    expect((await screen.findByTestId('log-signer')).textContent).toBe(
      'Entries made now name the reviewer “no key saved”.',
    );
  });
});
