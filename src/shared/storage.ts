// Typed storage items: each declared once with its area, key, schema and fallback. Every read is
// parsed with the schema and falls back to the default, so a corrupt or older value never throws.
import type * as z from 'zod/mini';
import { browser, type Storage } from './browser.ts';

export type Area = 'local' | 'session' | 'sync';

export interface StorageItem<T> {
  readonly area: Area;
  readonly key: string;
  readonly schema: z.ZodMiniType<T>;
  readonly fallback: () => T;
}

export function defineItem<T>(
  area: Area,
  key: string,
  schema: z.ZodMiniType<T>,
  // NoInfer: the schema alone decides T; `() => []` must not narrow it to never[].
  fallback: () => NoInfer<T>,
): StorageItem<T> {
  return { area, key, schema, fallback };
}

export function parseItem<T>(item: StorageItem<T>, raw: unknown): T {
  if (raw === undefined) return item.fallback();
  const parsed = item.schema.safeParse(raw);
  return parsed.success ? parsed.data : item.fallback();
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

export async function removeItem<T>(item: StorageItem<T>): Promise<void> {
  await areaOf(item.area).remove(item.key);
}

/** Calls `listener` with the parsed new value whenever the item changes; returns an unsubscribe. */
export function watchItem<T>(item: StorageItem<T>, listener: (value: T) => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[item.key];
    if (area === item.area && change) listener(parseItem(item, change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
