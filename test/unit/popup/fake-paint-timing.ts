// A browser whose paint timing reports a first contentful paint once `paint()` is called:
// happy-dom has none, and Chromium's is exercised by the end-to-end tests. For the desk's
// first-paint logic (src/ui/first-paint.ts).
import { vi } from 'vitest';

let painted = false;
const observers: FakeObserver[] = [];

class FakeObserver {
  static supportedEntryTypes = ['paint'];
  disconnected = false;
  constructor(readonly callback: () => void) {
    observers.push(this);
  }
  observe() {}
  disconnect() {
    this.disconnected = true;
  }
}

/** Installs the fake (nothing painted yet); `vi.unstubAllGlobals` and `vi.restoreAllMocks` undo it. */
export function fakePaintTiming(): void {
  painted = false;
  observers.length = 0;
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.spyOn(performance, 'getEntriesByName').mockImplementation((name: string) =>
    painted && name === 'first-contentful-paint' ? [{} as PerformanceEntry] : [],
  );
}

/** The first contentful paint is on screen: every observer still listening hears it. */
export function paint(): void {
  painted = true;
  for (const observer of observers) if (!observer.disconnected) observer.callback();
}
