// @vitest-environment happy-dom
// Arrow keys move between an inquiry list's rows; Tab is left alone.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InquiryRow } from '../../../src/ui/components/inquiry-row.tsx';
import { useOneTabStop } from '../../../src/ui/components/row-keys.ts';

afterEach(cleanup);

function list(ids: string[]) {
  render(
    <>
      <ul>
        {ids.map((id) => (
          <InquiryRow key={id} id={id} status="pending" onOpen={() => {}} />
        ))}
      </ul>
      <ul>
        <InquiryRow id="inq_OtherList0001" status="pending" onOpen={() => {}} />
      </ul>
    </>,
  );
  return ids.map((id) => screen.getByRole('button', { name: new RegExp(id) }));
}

describe('a list of inquiries from the keyboard', () => {
  it('moves down and up a row, to the first and last, and stays within its list', () => {
    const [first, second, third] = list([
      'inq_Row000000001',
      'inq_Row000000002',
      'inq_Row000000003',
    ]);
    first?.focus();
    // Each key pressed on the row in focus, and the row that has the focus after it. The last
    // row's Down and the first's Up stay where they are: not on to another list.
    const steps = [
      ['ArrowDown', second],
      ['End', third],
      ['ArrowDown', third],
      ['ArrowUp', second],
      ['Home', first],
      ['ArrowUp', first],
    ] as const;
    for (const [key, focused] of steps) {
      fireEvent.keyDown(document.activeElement as HTMLElement, { key });
      expect(document.activeElement, key).toBe(focused);
    }
  });

  it('leaves keys with a modifier, and any other key, to the browser', () => {
    const [first] = list(['inq_Row000000001', 'inq_Row000000002']);
    first?.focus();
    const event = new KeyboardEvent('keydown', {
      key: 'ArrowDown',
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    first?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first as HTMLElement, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
  });
});

describe('a list of inquiries and Tab', () => {
  function List({ ids }: { ids: string[] }) {
    const tabStop = useOneTabStop();
    return (
      <ul {...tabStop}>
        {ids.map((id) => (
          <InquiryRow key={id} id={id} status="pending" onOpen={() => {}} />
        ))}
      </ul>
    );
  }
  const stops = () =>
    [...document.querySelectorAll<HTMLElement>('.inquiry-row')].map((row) => row.tabIndex);
  const row = (id: string) => screen.getByRole('button', { name: new RegExp(id) });

  it('is one Tab stop: the first row, then the row last focused, wherever it moves', () => {
    const { rerender } = render(<List ids={['inq_A', 'inq_B', 'inq_C']} />);
    expect(stops()).toEqual([0, -1, -1]);
    row('inq_A').focus();
    fireEvent.keyDown(row('inq_A'), { key: 'End' });
    expect(document.activeElement).toBe(row('inq_C'));
    expect(stops()).toEqual([-1, -1, 0]);
    // Focus gone from the list, the stop stays on the row last focused, moved to the top.
    row('inq_C').blur();
    rerender(<List ids={['inq_C', 'inq_A', 'inq_B']} />);
    expect(stops()).toEqual([0, -1, -1]);
    expect(row('inq_C').tabIndex).toBe(0);
    rerender(<List ids={['inq_A', 'inq_C', 'inq_B']} />);
    expect(row('inq_C').tabIndex).toBe(0);
    expect(stops().filter((stop) => stop === 0)).toHaveLength(1);
    // Gone from the list, its stop goes to the first row: the list is never out of Tab's reach.
    rerender(<List ids={['inq_A', 'inq_B']} />);
    expect(stops()).toEqual([0, -1]);
  });
});
