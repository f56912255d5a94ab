import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import {
  type Migration,
  migrateStorage,
  STORAGE_VERSION,
} from '../../../src/background/migrations.ts';

function step(to: number, log: number[]): Migration {
  return {
    to,
    run: async () => {
      log.push(to);
    },
  };
}

describe('migrateStorage', () => {
  it('marks a fresh install with the current version', async () => {
    expect(await migrateStorage()).toBe(STORAGE_VERSION);
    expect(await fakeBrowser.storage.local.get('storageVersion')).toEqual({
      storageVersion: STORAGE_VERSION,
    });
  });

  it('runs only the steps after the stored version, oldest first, once', async () => {
    await fakeBrowser.storage.local.set({ storageVersion: 1 });
    const log: number[] = [];
    const steps = [step(1, log), step(2, log), step(3, log)];
    expect(await migrateStorage(steps, 3)).toBe(3);
    expect(await migrateStorage(steps, 3)).toBe(3);
    expect(log).toEqual([2, 3]);
  });

  it('resumes after the last finished step when a step fails half way', async () => {
    await fakeBrowser.storage.local.set({ storageVersion: 1 });
    const log: number[] = [];
    const failing: Migration = {
      to: 3,
      run: async () => {
        throw new Error('worker stopped');
      },
    };
    await expect(migrateStorage([step(2, log), failing], 3)).rejects.toThrow('worker stopped');
    expect((await fakeBrowser.storage.local.get('storageVersion')).storageVersion).toBe(2);
    await migrateStorage([step(2, log), step(3, log)], 3);
    expect(log).toEqual([2, 3]);
  });
});
