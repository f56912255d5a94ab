// Imported first by each desk page's entry: the first screen's storage reads start while the rest
// of the desk's code is still being evaluated, and mount-desk.tsx renders once they are in.
import { firstScreenItems } from '../shared/generated/first-screen-items.ts';
import { preloadStored } from './stored-preload.ts';

/** Settles once the first screen's items are read, or could not be (each view then reads its own). */
export const firstScreenRead: Promise<void> = preloadStored(firstScreenItems).catch(
  () => undefined,
);
