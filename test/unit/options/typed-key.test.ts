// A pasted key is taken without the spaces and quotes around it (UX re-test s68 L1).
import { describe, expect, it } from 'vitest';
import { typedKey } from '../../../src/options/typed-key.ts';

const key = 'persona_sandbox_5b1f7c2e-8d4a-4e6b-9c3f-0a2d4e6f8b1c';

describe('typedKey', () => {
  it('takes off the spaces around a key', () => {
    expect(typedKey(`  ${key}\n`)).toBe(key);
  });

  it('takes off a pair of quotes around it, and the spaces inside them', () => {
    for (const quote of ['"', "'", '`']) expect(typedKey(` ${quote}${key} ${quote} `)).toBe(key);
    // As a chat or a word processor writes them.
    for (const [open, close] of [
      ['“', '”'],
      ['‘', '’'],
      ['„', '“'],
      ['«', '»'],
    ]) {
      expect(typedKey(`${open}${key}${close}`)).toBe(key);
    }
  });

  it('leaves a quote that has no pair for the shape check to refuse', () => {
    expect(typedKey(`"${key}`)).toBe(`"${key}`);
    expect(typedKey(`"${key}'`)).toBe(`"${key}'`);
  });

  it('leaves an empty field empty, and quotes around nothing as typed, for the shape check', () => {
    expect(typedKey('   ')).toBe('');
    // Read as empty, Test connection would try the saved key instead, without a word.
    expect(typedKey('""')).toBe('""');
    expect(typedKey(' "  " ')).toBe('"  "');
  });
});
