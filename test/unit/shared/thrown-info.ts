// What a check threw, for tests of checks that throw a DeskError at the first problem.
import { DeskError } from '../../../src/shared/errors.ts';

function infoOf(run: () => unknown): DeskError['info'] | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskError) return error.info;
    throw error;
  }
  return undefined;
}

/** The thrown DeskError's message; undefined when nothing was thrown. */
export const messageOf = (run: () => unknown) => infoOf(run)?.message;

/** The thrown DeskError's pointer (the field it names); undefined when nothing was thrown. */
export const pointerOf = (run: () => unknown) => infoOf(run)?.pointer;
