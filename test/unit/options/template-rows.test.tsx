// @vitest-environment happy-dom
// Add template and Remove change the rows under the focus: the focus goes on with the reviewer,
// to the new row's name, or to what follows a removed row (it used to stay on Add, or drop to
// the page).
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { InquiriesSection } from '../../../src/options/inquiries-section.tsx';
import { defaultSettings, type Settings } from '../../../src/shared/settings.ts';

afterEach(cleanup);

function Section({ templates }: { templates: Settings['templates'] }) {
  const [draft, setDraft] = useState<Settings>({ ...defaultSettings(), templates });
  return (
    <InquiriesSection
      draft={draft}
      patch={(change) => setDraft((d) => ({ ...d, ...change }))}
      fieldError={() => undefined}
    />
  );
}

describe('the named templates', () => {
  it('Add template puts the focus in the new row’s name', async () => {
    render(<Section templates={[{ name: 'KYC', id: 'itmpl_Kyc000000001' }]} />);
    const add = screen.getByRole('button', { name: 'Add template' });
    add.focus();
    fireEvent.click(add);
    const name = await screen.findByRole('textbox', { name: 'Template 2 name' });
    expect(document.activeElement).toBe(name);
  });

  it('Remove puts the focus on the row that took its place, or on Add after the last', () => {
    render(
      <Section
        templates={[
          { name: 'KYC', id: 'itmpl_Kyc000000001' },
          { name: 'KYB', id: 'itmpl_Kyb000000001' },
        ]}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove template 1' }));
    const name = screen.getByRole('textbox', { name: 'Template 1 name' }) as HTMLInputElement;
    expect(name.value).toBe('KYB');
    expect(document.activeElement).toBe(name);
    fireEvent.click(screen.getByRole('button', { name: 'Remove template 1' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add template' }));
  });
});
