// What the store listing shows, in gallery order: which captured view, under which file name, with
// which caption. The copy matches docs/store-listing.md.
import type { ViewName } from './capture-views.ts';

export interface StoreShot {
  view: ViewName;
  /** File name in the assets folder's screenshots/. */
  file: string;
  label: string;
  title: string;
  text: string;
}

export const STORE_SHOTS: readonly StoreShot[] = [
  {
    view: 'create',
    file: '1-create.png',
    label: 'Toolbar popup',
    title: 'Create an inquiry from the toolbar',
    text: 'Pick a template, add your reference ID and, if you like, prefill the name and email.',
  },
  {
    view: 'created',
    file: '2-created-link.png',
    label: 'Toolbar popup',
    // A non-breaking hyphen (U+2011): the title wraps as a whole word.
    title: 'Share a one‑time link',
    text: "Copy the link into the chat or an email; the person verifies in Persona's hosted flow.",
  },
  {
    view: 'detail',
    file: '3-detail.png',
    label: 'Toolbar popup',
    title: 'Read the result, then decide',
    text: 'Government ID, selfie and database checks at a glance. Approve, decline or mark for review.',
  },
  {
    view: 'side-panel',
    file: '4-side-panel.png',
    label: 'Side panel',
    title: 'Keep it open beside the chat',
    text: 'The side panel shows your watched inquiries and follows lookups from the context menu.',
  },
];

export const PROMO_TILE_FILE = 'promo-tile-440x280.png';
export const SCREENSHOTS_DIR = 'screenshots';
