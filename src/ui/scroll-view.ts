// Scrolls the desk's view (.content), not every ancestor as scrollIntoView does: a zoomed toolbar
// popup's page is taller than its window (base.css body.popup), so scrolling the page too put the
// top bar, Back with it, out of sight with no scrollbar to bring it back.

/**
 * Scrolls `element`'s view so it shows: its top at the view's top (`start`), or as little as
 * shows it whole, and its top where it is taller than the view (`nearest`). False where it has no
 * view to scroll.
 */
export function scrollViewTo(element: Element, block: 'start' | 'nearest'): boolean {
  const view = element.closest('.content');
  if (!view) return false;
  const box = view.getBoundingClientRect();
  const { top, bottom } = element.getBoundingClientRect();
  const above = top - box.top;
  if (block === 'start') view.scrollTop += above;
  else if (above < 0 || bottom > box.bottom) {
    // Rounded up: the view scrolls by whole pixels, and a fraction short left its foot cut.
    view.scrollTop += Math.min(above, Math.ceil(Math.max(0, bottom - box.bottom)));
  }
  return true;
}
