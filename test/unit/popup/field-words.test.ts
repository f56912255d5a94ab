import { describe, expect, it } from 'vitest';
import { fieldWords } from '../../../src/ui/components/field-words.ts';

describe("Persona's codes in words", () => {
  it('names an ID class and a capture method, keeping the code beside the words', () => {
    expect(fieldWords('id-class', 'dl')).toBe("Driver's license (dl)");
    expect(fieldWords('id-class', 'PP')).toBe('Passport (PP)');
    expect(fieldWords('capture-method', 'upload')).toBe('Uploaded file (upload)');
    // Words that are the code itself are said once.
    expect(fieldWords('capture-method', 'video')).toBe('Video');
  });

  it("names an inquiry session's status", () => {
    expect(fieldWords('session-status', 'new')).toBe('New');
    expect(fieldWords('session-status', 'expired')).toBe('Expired');
    expect(fieldWords('session-status', 'paused')).toBe('paused');
  });

  it('shows a code nobody listed, or another field, as sent', () => {
    expect(fieldWords('id-class', 'xyz')).toBe('xyz');
    expect(fieldWords('id-class', 'constructor')).toBe('constructor');
    expect(fieldWords('name-first', 'dl')).toBe('dl');
    expect(fieldWords('constructor', 'dl')).toBe('dl');
  });
});
