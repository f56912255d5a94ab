// @vitest-environment node
// The popup and the side panel are two mounts of one desk: neither may grow view code of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('shared views', () => {
  it.each(['popup', 'side-panel'])('%s only mounts the shared desk', (surface) => {
    const files = readdirSync(new URL(`${surface}/`, root)).filter((f) => f.endsWith('.tsx'));
    const source = files.map((f) => read(`${surface}/${f}`)).join('\n');
    expect(source).toMatch(/from '\.\.\/ui\/views\/(desk-shell|routed-desk)\.tsx'/);
    // Mounting code only: no JSX beyond the shell (or the shell that follows lookups) itself.
    const elements = new Set(source.match(/<[A-Za-z][\w.]*/g) ?? []);
    const allowed = ['<DeskShell', '<RoutedDesk', surface === 'popup' ? '<App' : '<SidePanelApp'];
    for (const element of elements) expect(allowed).toContain(element);
  });
});
