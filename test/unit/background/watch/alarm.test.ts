import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { ensureAlarm, periodMinutes, WATCH_ALARM } from '../../../../src/background/watch/alarm.ts';

describe('the watch alarm', () => {
  it('is created when missing, at the options period', async () => {
    expect(await ensureAlarm(90)).toBe(true);
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toMatchObject({ periodInMinutes: 1.5 });
  });

  it('is left alone when it exists with the same period (re-creating would reset its schedule)', async () => {
    await ensureAlarm(60);
    const first = await fakeBrowser.alarms.get(WATCH_ALARM);
    expect(await ensureAlarm(60)).toBe(false);
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBe(first);
  });

  it('is re-created when the period changed', async () => {
    await ensureAlarm(60);
    expect(await ensureAlarm(300)).toBe(true);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes).toBe(5);
  });

  it('never goes below Chrome’s 30 s floor', () => {
    expect(periodMinutes(5)).toBe(0.5);
  });
});
