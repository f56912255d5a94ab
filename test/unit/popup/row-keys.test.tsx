// @vitest-environment happy-dom
// Arrow keys move between an inquiry list's rows (UX review s57, L6); Tab is left alone.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InquiryRow } from '../../../src/ui/components/inquiry-row.tsx';

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
