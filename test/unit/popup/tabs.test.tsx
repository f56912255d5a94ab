// @vitest-environment happy-dom
// The list tabs by keyboard, as WAI-ARIA's tabs pattern has them: one tab stop; the arrow keys
// step round the tabs, Home and End go to the first and the last; the panel follows.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from '../../../src/ui/components/tabs.tsx';

afterEach(cleanup);

const tabs = [
  { key: 'one', label: 'One' },
  { key: 'two', label: 'Two' },
  { key: 'three', label: 'Three' },
] as const;

function Shown() {
  const [selected, setSelected] = useState<'one' | 'two' | 'three'>('one');
  return (
    <Tabs label="Lists" tabs={tabs} selected={selected} onSelect={setSelected}>
      <p>{`panel ${selected}`}</p>
    </Tabs>
  );
}

const press = (key: string) => fireEvent.keyDown(document.activeElement as Element, { key });
const current = () => document.activeElement?.textContent;

describe('the tabs', () => {
  it('move by arrow keys, round the ends, and by Home and End, the panel following', () => {
    render(<Shown />);
    screen.getByRole('tab', { name: 'One' }).focus();
    press('ArrowRight');
    expect(current()).toBe('Two');
    expect(screen.getByRole('tabpanel').textContent).toBe('panel two');
    press('End');
    expect(current()).toBe('Three');
    press('ArrowRight');
    expect(current()).toBe('One');
    press('ArrowLeft');
    expect(current()).toBe('Three');
    press('Home');
    expect(current()).toBe('One');
    expect(screen.getByRole('tab', { name: 'One' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('panel one');
    // One tab stop: the others are out of the Tab order.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
  });
});
