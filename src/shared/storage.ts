// Typed storage items: each declared once with its area, key, parser and fallback. Every read is
// parsed; a list or record is parsed entry by entry, so one bad entry is dropped alone. A value that
// cannot be read at all falls back to the default for reading, and is reported as unreadable so that
// no edit writes that default over what is stored.
//
// No zod here: the items are declared with zod/mini schemas (define-item.ts), and the popup's first
// screen reads the same items through checks generated from those schemas (generated/), so it loads
// no zod at all (docs/benchmarks.md).
import { browser, type Storage } from './browser.ts';

export type Area = 'local' | 'session' | 'sync';

export type Parsed<T> = { success: true; data: T } | { success: false };

/** What a read needs of a schema: a zod/mini schema is one, and so is a generated check. */
export interface Parser<T> {
  safeParse(raw: unknown): Parsed<T>;
}

export interface StorageItem<T> {
  readonly area: Area;
  readonly key: string;
  readonly schema: Parser<T>;
  readonly fallback: () => T;
  /** Keeps what parses of a value that fails as a whole (entry by entry); undefined: nothing. */
  readonly salvage?: (raw: unknown) => T | undefined;
}

/** Salvage for a stored list: the entries that parse, each alone. */
export function salvageList<E>(entry: Parser<E>): (raw: unknown) => E[] | undefined {
  return (raw) => (Array.isArray(raw) ? raw.flatMap((e) => keepParsed(entry, e)) : undefined);
}

/** `[value]` when `schema` parses `raw`, else none: one entry of a salvage. */
export function keepParsed<E>(schema: Parser<E>, raw: unknown): E[] {
  const parsed = schema.safeParse(raw);
  return parsed.success ? [parsed.data] : [];
}

export interface ReadResult<T> {
  value: T;
  /** Something was stored but nothing of it could be read: never write over it. */
  unreadable: boolean;
}

export function readStored<T>(item: StorageItem<T>, raw: unknown): ReadResult<T> {
  if (raw === undefined) return { value: item.fallback(), unreadable: false };
  const parsed = item.schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, unreadable: false };
  const salvaged = item.salvage?.(raw);
  if (salvaged !== undefined) return { value: salvaged, unreadable: false };
  return { value: item.fallback(), unreadable: true };
}

export function parseItem<T>(item: StorageItem<T>, raw: unknown): T {
  return readStored(item, raw).value;
}

/** The item with whether what is stored could be read (edit-item.ts refuses to overwrite it). */
export async function readItemChecked<T>(item: StorageItem<T>): Promise<ReadResult<T>> {
  const got = await areaOf(item.area).get(item.key);
  return readStored(item, got[item.key]);
}

function areaOf(area: Area): Storage.StorageArea {
  return browser.storage[area];
}

export async function readItem<T>(item: StorageItem<T>): Promise<T> {
  const got = await areaOf(item.area).get(item.key);
  return parseItem(item, got[item.key]);
}

/** Reads several items of one area in a single storage call. */
export async function readItems<const I extends readonly StorageItem<unknown>[]>(
  items: I,
): Promise<{ [K in keyof I]: I[K] extends StorageItem<infer T> ? T : never }> {
  const byArea = new Map<Area, string[]>();
  for (const item of items) byArea.set(item.area, [...(byArea.get(item.area) ?? []), item.key]);
  const raw: Record<string, unknown> = {};
  await Promise.all(
    [...byArea].map(async ([area, keys]) => Object.assign(raw, await areaOf(area).get(keys))),
  );
  return items.map((item) => parseItem(item, raw[item.key])) as {
    [K in keyof I]: I[K] extends StorageItem<infer T> ? T : never;
  };
}

export async function writeItem<T>(item: StorageItem<T>, value: T): Promise<void> {
  await areaOf(item.area).set({ [item.key]: value });
}

/** A value for one item, for {@link writeItems}. */
export type ItemValue = readonly [StorageItem<never>, unknown];

export function itemValue<T>(item: StorageItem<T>, value: T): ItemValue {
  return [item as StorageItem<never>, value];
}

/** Writes several items of one area in a single storage call: all of them or none. */
export async function writeItems(area: Area, values: readonly ItemValue[]): Promise<void> {
  const record: Record<string, unknown> = {};
  for (const [item, value] of values) {
    // A programming error (the item belongs to the other area), caught by the tests: named by its
    // key alone, since the worker carries every byte of this message (docs/architecture.md#budgets).
    if (item.area !== area) throw new Error(item.key);
    record[item.key] = value;
  }
  await areaOf(area).set(record);
}

type ChangeListener = (changes: Record<string, Storage.StorageChange>, area: string) => void;

/** This page's (or the worker's) change listeners, called by the one the browser has. */
const changeListeners = new Set<ChangeListener>();
const everyListener: ChangeListener = (changes, area) => {
  // As the browser calls its own: those there as the change came, each apart from the others'
  // failures.
  for (const listener of [...changeListeners]) {
    try {
      listener(changes, area);
    } catch (error) {
      // Reported as the browser would, uncaught, without stopping the rest.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
};

/**
 * Gives the browser the one listener behind all of this page's (or the worker's), if it has not
 * got it. Firefox registers each listener with its parent process asynchronously, so one added a
 * moment before a change can miss it: a side panel whose route was written as its views
 * subscribed stayed on Home (3 loads in 160 under load before this, 0 in 160 after; 2026-12-07).
 * A desk page calls this before its first storage read (stored-preload.ts), so a change after
 * that read is heard by the page, and a view subscribing later only joins this set. Without the
 * browser's listener (a unit test's fake browser, reset), the set is emptied too, as the browser's
 * listeners were.
 */
export function listenForChanges(): void {
  if (!browser.storage.onChanged.hasListener(everyListener)) {
    changeListeners.clear();
    browser.storage.onChanged.addListener(everyListener);
  }
}

/** Calls `listener` on every storage change; returns an unsubscribe. */
export function onStorageChanged(listener: ChangeListener): () => void {
  listenForChanges();
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Calls `listener` with the parsed new value whenever the item changes; returns an unsubscribe. */
export function watchItem<T>(item: StorageItem<T>, listener: (value: T) => void): () => void {
  return onStorageChanged((changes, area) => {
    const change = changes[item.key];
    if (area === item.area && change) listener(parseItem(item, change.newValue));
  });
}
