import { describe, expect, it } from 'vitest';
import { explainedWarnings, lintProblems } from '../../scripts/lib/lint-report.ts';

const readme = `# Inquiry Desk

## Firefox

### Warnings \`web-ext lint\` leaves

| warning | why it stays |
| --- | --- |
| \`UNSAFE_VAR_ASSIGNMENT\` | Preact's own code |
| \`KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION\` | not for Android |

## Next
| \`NOT_THIS_ONE\` | outside the section |
`;

const warning = (code: string) => ({ code, message: `${code} message`, file: 'a.js' });

describe('web-ext lint report against the README', () => {
  it('reads the explained codes from the README table only', () => {
    expect(explainedWarnings(readme)).toEqual([
      'UNSAFE_VAR_ASSIGNMENT',
      'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    ]);
  });

  it('says so when the README has no such section', () => {
    expect(() => explainedWarnings('# Inquiry Desk\n')).toThrow(/no "### Warnings/);
  });

  it('passes explained warnings and fails on errors and unexplained warnings', () => {
    const explained = explainedWarnings(readme);
    const clean = { errors: [], notices: [], warnings: [warning('UNSAFE_VAR_ASSIGNMENT')] };
    expect(lintProblems(clean, explained)).toEqual([]);
    const bad = {
      errors: [warning('JSON_INVALID')],
      notices: [],
      warnings: [warning('UNSAFE_VAR_ASSIGNMENT'), warning('NOT_THIS_ONE')],
    };
    expect(lintProblems(bad, explained)).toEqual([
      'error JSON_INVALID (a.js): JSON_INVALID message',
      'warning not explained in README.md NOT_THIS_ONE (a.js): NOT_THIS_ONE message',
    ]);
  });
});
