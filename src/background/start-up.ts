// The worker's one start-up gate. Every listener (messages, alarms, notifications, the omnibox,
// the context menu, storage changes, install and browser start) runs only after `ready`, so no
// listener reads a storage layout older than it expects. A failed start is loud: the toolbar badge
// shows "!" with a title naming the step, and every request is answered with `startup_failed`.
import { browser } from '../shared/browser.ts';
import { DeskError, errorLabel } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';

export interface StartStep {
  /** Named in the worker's log, e.g. "storage migration". */
  name: string;
  /** The name in the reviewer's language, for the badge's title and the error reply. */
  label?: string;
  run(): Promise<unknown>;
}

const FAILED_COLOR = '#B42318';

/** A DeskError, so a request answered during a failed start carries `startup_failed`. */
export class StartupFailed extends DeskError {
  constructor(step: string) {
    super({
      kind: 'startup_failed',
      message: t('startupFailed', step),
    });
    this.name = 'StartupFailed';
  }
}

export interface Gate {
  /** Settles once start-up is over; rejects with {@link StartupFailed}. */
  ready: Promise<void>;
  /** `listener`, run only after a successful start, with its result; after a failed one it does
   * nothing (the badge already says why). */
  after<A extends unknown[], R>(
    listener: (...args: A) => R,
  ): (...args: A) => Promise<Awaited<R> | undefined>;
}

async function showFailure(failure: StartupFailed): Promise<void> {
  await browser.action.setBadgeText({ text: '!' });
  await browser.action.setBadgeBackgroundColor({ color: FAILED_COLOR });
  await browser.action.setTitle({ title: failure.info.message });
}

async function runSteps(steps: readonly StartStep[]): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      // The error's own message stays out of the badge, the replies and the console: it may quote
      // stored data, and storage.local holds the key when no passphrase is set.
      console.error(`Inquiry Desk: start-up step "${step.name}" failed`, errorLabel(error));
      const failure = new StartupFailed(step.label ?? step.name);
      await showFailure(failure).catch((badgeError: unknown) => {
        console.error('Inquiry Desk: start-up failure not shown', badgeError);
      });
      throw failure;
    }
  }
}

// The gate of this worker's start, for the few listeners that must act inside a user gesture
// before they may wait (see whenStarted).
let started: Promise<void> = Promise.resolve();

/**
 * The current start-up gate. A listener that must call an API inside the user gesture
 * (`sidePanel.open` from a menu click, the omnibox or a notification) cannot await the gate first,
 * since an await ends the gesture; it makes that one call, then waits here before anything else.
 */
export function whenStarted(): Promise<void> {
  return started;
}

/** Starts the steps at once, in order. Call once, at the top of the worker. */
export function startUp(steps: readonly StartStep[]): Gate {
  const ready = runSteps(steps);
  started = ready;
  // Listeners that return nothing observe the failure through the badge, not a rejection.
  ready.catch(() => undefined);
  const after =
    <A extends unknown[], R>(listener: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R> | undefined> => {
      try {
        await ready;
      } catch {
        return;
      }
      return await listener(...args);
    };
  return { ready, after };
}
