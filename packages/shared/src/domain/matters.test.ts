import { describe, expect, it } from 'vitest';
import { canTransition, deadlinesFor, MATTER_ACTIONS, MATTER_FLOW, MATTER_STATUSES, nextStatus } from './matters.js';

describe('matter flow', () => {
  it('runs the closed loop: submit → accept → dispatch → take → resolve → rate → close', () => {
    let status = nextStatus('submitted', 'accept');
    expect(status).toBe('accepted');
    for (const action of ['dispatch', 'take', 'resolve', 'rate', 'close'] as const) {
      status = nextStatus(status!, action);
      expect(status).not.toBeNull();
    }
    expect(status).toBe('closed');
  });

  it('refuses to resolve what nobody accepted, or to rate twice', () => {
    expect(canTransition('submitted', 'resolve')).toBe(false);
    expect(canTransition('rated', 'rate')).toBe(false);
    expect(nextStatus('closed', 'reopen')).toBeNull();
  });

  it('lets the chief reopen after an unsatisfied rating, and a department hand a matter back', () => {
    expect(nextStatus('rated', 'reopen')).toBe('in_progress');
    expect(nextStatus('dispatched', 'return')).toBe('accepted');
  });

  it('leads every action to a known status and leaves no status unlisted', () => {
    for (const to of Object.values(MATTER_ACTIONS)) expect(MATTER_STATUSES).toContain(to);
    expect(Object.keys(MATTER_FLOW).sort()).toEqual([...MATTER_STATUSES].sort());
  });
});

describe('deadlines', () => {
  it('answers help and reports within 5 minutes, others within 30', () => {
    expect(deadlinesFor('help', 'normal').firstResponseMinutes).toBe(5);
    expect(deadlinesFor('consult', 'normal').firstResponseMinutes).toBe(30);
    expect(deadlinesFor('consult', 'urgent').firstResponseMinutes).toBe(5);
  });
  it('gives service requests three days to resolve, others one', () => {
    expect(deadlinesFor('service', 'normal').resolveMinutes).toBe(3 * 24 * 60);
    expect(deadlinesFor('dispute', 'normal').resolveMinutes).toBe(24 * 60);
  });
});
