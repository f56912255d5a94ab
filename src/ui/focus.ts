// Where the keyboard focus is after a change: a focused element that is disabled or removed
// leaves it on the page itself, and a keyboard user would start over from the top.

/** True when nothing on the page has the focus (it fell to `<body>`). */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
