/**
 * Brings a field further down the options page into view, then focuses it: scrolled first, to
 * the middle, and the focus then taken without a scroll of its own, so the page moves once.
 */
export function goToField(id: string): void {
  const field = document.getElementById(id);
  field?.scrollIntoView({ block: 'center' });
  field?.focus({ preventScroll: true });
}
