/**
 * What a button shows, where that is more than its name: a countdown's count is seen but left out
 * of the name (src/ui/components/wait-label.tsx).
 */
export function shownText(element: Element): string {
  return element.querySelector('[aria-hidden="true"]')?.textContent ?? element.textContent ?? '';
}
