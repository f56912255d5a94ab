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
    fireEvent.keyDown(first as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(third);
    // The last row's Down stays there: not on to another list.
    fireEvent.keyDown(third as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(first);
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
