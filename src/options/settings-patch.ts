import type { Settings } from '../shared/settings.ts';

/** How a section of the options page changes the unsaved draft. Its own module, so sections
 * need not import the page that renders them (an import cycle). */
export type Patch = (change: Partial<Settings>) => void;
