import type { Settings } from '../shared/settings.ts';

/** How a section of the options page changes the unsaved draft. Its own module, so sections
 * need not import the page that renders them (an import cycle). */
export type Patch = (change: Partial<Settings>) => void;

/**
 * Whether two values of one setting are the same: by content, since a list of templates is
 * rebuilt at each keystroke, and a stored one is a fresh object at each read. Key order does not
 * count (a row made in the page may list its keys otherwise than the schema's parse).
 */
export function sameSetting(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameSetting((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/**
 * What a Save in this tab writes: the fields it edited that differ from the settings stored now.
 * Only these, laid over what is stored at the moment of saving, so a field another tab saved
 * meanwhile, and this one did not touch, is not written back as this tab last read it.
 */
export function unsavedChanges(edits: Partial<Settings>, stored: Settings): Partial<Settings> {
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(edits)) {
    if (!sameSetting(value, stored[name as keyof Settings])) changes[name] = value;
  }
  return changes as Partial<Settings>;
}

/**
 * Whether settings saved elsewhere (another options tab) change what this tab shows or would
 * overwrite: a field it has not edited now shows another value, or one it has edited was saved
 * otherwise than typed here. `ignore` are the fields the organisation's policy sets, whose
 * stored values change with it, not with a reviewer's Save.
 */
export function savedElsewhere(
  before: Settings,
  after: Settings,
  edits: Partial<Settings>,
  ignore: ReadonlySet<string>,
): boolean {
  return (Object.keys(after) as (keyof Settings)[]).some(
    (name) =>
      !ignore.has(name) &&
      !sameSetting(before[name], after[name]) &&
      !(name in edits && sameSetting(edits[name], after[name])),
  );
}
