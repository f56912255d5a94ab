import type { BundleFloors } from './bundle-floor.ts';
import type { BundleSizes } from './bundle-sizes.ts';
import type { ColdStart } from './cold-start.ts';
import type { FirstPaint } from './first-paint.ts';
import type { Lookup } from './lookup.ts';
import type { Machine } from './machine.ts';
import type { NextView } from './next-view.ts';
import type { PhotosShown } from './photos.ts';
import type { PollRequests } from './poll-requests.ts';
import type { SidePanelContainer } from './side-panel-container.ts';
import type { StatusToBadge } from './status-to-badge.ts';
import type { TeamScale } from './team-scale.ts';
import type { ToolbarPopup } from './toolbar-popup.ts';

/** Everything one run measured: written as bench/results.json, rendered by report.ts. */
export interface BenchResults {
  mode: 'full' | 'quick';
  machine: Machine;
  /** Wall time of the whole run, set-up included. */
  seconds: number;
  bundles: BundleSizes;
  /** The specified libraries' share of the popup and the background, each built as one bundle. */
  bundleFloor: BundleFloors;
  /** Popup and side panel, next to a blank extension page. */
  firstPaint: FirstPaint;
  /** The popup, blank, floor and static pages opened as the toolbar popup itself. */
  toolbarPopup: ToolbarPopup;
  /** The side panel, blank and floor pages opened in the side panel itself, on a click. */
  sidePanelContainer: SidePanelContainer;
  /** Click on the home screen → the next view on screen, its chunk fetched on demand. */
  nextView: NextView;
  lookup: Lookup;
  /** Find → every ID and selfie photo decoded, next to the naive way. */
  photos: PhotosShown;
  poll: PollRequests;
  statusToBadge: StatusToBadge;
  coldStart: ColdStart;
  teamScale: TeamScale;
}
