// Apart from messages.ts, whose schemas the worker must not load: the worker asks for this many,
// and the page says when a page that full may not be all.
/** How many of the same person's inquiries "Other inquiries" asks for: one page, the newest. */
export const EARLIER_PAGE_SIZE = 20;
