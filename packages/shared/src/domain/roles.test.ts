/** What a role may do where its station allows more: the one rule the server's guard and the menu read. */
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, dependsOnStation, ROLES } from './roles.js';

describe('station allowances', () => {
  it('gives a community officer the desk only where the station lets officers take desk duty', () => {
    expect(capabilitiesOf(['community_officer'])).not.toContain('matter.inbox');
    expect(capabilitiesOf(['community_officer'], { officersTakeDesk: false })).not.toContain('matter.desk');
    expect(capabilitiesOf(['community_officer'], { officersTakeDesk: true })).toEqual(
      expect.arrayContaining(['matter.inbox', 'matter.desk', 'matter.handle']),
    );
  });

  it('never gives the desk to auxiliary police, grid workers, mediators or a department', () => {
    for (const role of ['auxiliary_police', 'grid_worker', 'mediator', 'department_liaison'] as const)
      expect(capabilitiesOf([role], { officersTakeDesk: true }), role).not.toContain('matter.inbox');
  });

  it('keeps the desk for the duty officer, the chief and the bureau whatever the setting', () => {
    for (const role of ['duty_officer', 'station_chief', 'bureau_supervisor'] as const)
      expect(capabilitiesOf([role], { officersTakeDesk: false }), role).toContain('matter.inbox');
  });

  it('reads the station only for the roles it can widen', () => {
    expect(ROLES.filter((r) => dependsOnStation([r]))).toEqual(['community_officer']);
  });
});
