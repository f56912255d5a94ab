// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { InquiryView } from '../../../src/shared/persona/view-model.ts';
import { signals } from '../../../src/ui/components/needs-a-look.ts';
import {
  BehaviourSection,
  behaviourFacts,
  behaviourWarnings,
} from '../../../src/ui/evidence/behaviour.tsx';

afterEach(cleanup);

const risky = {
  'user-agent-spoof-attempts': 2,
  'behavior-threat-level': 'high',
  'devtools-open': true,
  'request-spoof-attempts': 0,
  'completion-time': 41.5,
  'hesitation-count': null,
  'a-new-signal': { nested: 1 },
};

function inquiry(behaviors: unknown): InquiryView {
  return {
    id: 'inq_1',
    status: 'completed',
    tags: [],
    timestamps: {},
    redacted: false,
    verifications: [],
    reports: [],
    fields: [],
    behaviors,
  };
}

describe("Persona's behaviour signals", () => {
  it('lists every one sent, by name, sorted, leaving out those not set', () => {
    expect(behaviourFacts(risky)).toEqual([
      ['A new signal', '{"nested":1}'],
      ['Behavior threat level', 'high'],
      ['Completion time', '41.5'],
      ['Devtools open', 'yes'],
      ['Request spoof attempts', '0'],
      ['User agent spoof attempts', '2'],
    ]);
    for (const none of [null, undefined, 'high', [1, 2], {}])
      expect(behaviourFacts(none)).toEqual([]);
  });

  it('reads as risks a threat level above low, spoof attempts and developer tools, the level first', () => {
    expect(behaviourWarnings(risky)).toEqual([
      'Threat level high',
      'Devtools open',
      'User agent spoof attempts: 2',
    ]);
    // As Persona sends them for a calm session: nothing to say.
    expect(
      behaviourWarnings({
        'behavior-threat-level': 'low',
        'request-spoof-attempts': 0,
        'devtools-open': false,
      }),
    ).toEqual([]);
    // Snake case, and a level Persona adds later, as sent.
    expect(behaviourWarnings({ behavior_threat_level: 'severe', tamper_detected: true })).toEqual([
      'Threat level severe',
      'Tamper detected: yes',
    ]);
  });

  it('puts them among what needs a look, which leads to the section', () => {
    const line = signals(inquiry(risky)).find((s) => s.text.startsWith('Behaviour'));
    expect(line).toEqual({
      text: 'Behaviour: Threat level high, Devtools open, User agent spoof attempts: 2',
      target: 'behaviour-heading',
      withEvidence: true,
    });
    expect(signals(inquiry({ 'completion-time': 12 }))).toEqual([
      { text: 'Nothing checked: no verification has run', target: 'verifications-heading' },
    ]);
  });

  it('draws a section only for signals sent, the risks above the folded list', () => {
    const { container } = render(<BehaviourSection behaviors={{}} />);
    expect(container.textContent).toBe('');
    render(<BehaviourSection behaviors={risky} />);
    const section = screen.getByRole('region', { name: 'Behaviour' });
    expect(section.querySelector('[role="note"]')?.textContent).toBe(
      '⚠ Threat level high · Devtools open · User agent spoof attempts: 2',
    );
    expect(section.querySelector('summary')?.textContent).toBe('Signals Persona sent (6)');
  });
});
