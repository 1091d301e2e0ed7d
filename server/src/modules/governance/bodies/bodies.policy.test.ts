/** The bodies policy as one table: every role against every action. */
import { describe, expect, it } from 'vitest';
import type { Actor, MaybeActor, RoleGrant } from '../../../platform/auth/actor.ts';
import { bodiesPolicy } from './bodies.policy.ts';

const A = 'coop-a';
const B = 'coop-b';
const actor = (coopId: string | null, roles: RoleGrant[] = []): Actor => ({ personId: 'p', email: 'p@x', displayName: 'P', coopId, supporter: false, roles, via: 'session' });

const ROLES: Record<string, MaybeActor> = {
  visitor: null,
  workerA: actor(A),
  adminA: actor(A, [{ role: 'coop_admin', coopId: A }]),
  adminB: actor(B, [{ role: 'coop_admin', coopId: B }]),
  treasurer: actor(null, [{ role: 'treasurer', coopId: null }]),
  coordinator: actor(null, [{ role: 'coordinator', coopId: null }]),
};

const council = { kind: 'council' as const };
const committee = { kind: 'committee' as const };
const assembly = { kind: 'assembly' as const };

const MAY: [string, (a: MaybeActor) => boolean, string[]][] = [
  ['create a committee', (a) => bodiesPolicy.createCommittee(a), ['coordinator']],
  ['appoint a worker of A to the council', (a) => bodiesPolicy.addMember(a, council, A), ['adminA']],
  ['add someone to a committee', (a) => bodiesPolicy.addMember(a, committee, A), ['coordinator']],
  ['appoint anyone to the assembly', (a) => bodiesPolicy.addMember(a, assembly, A), []],
  ["recall A's delegate", (a) => bodiesPolicy.recall(a, council, { coop_id: A }), ['adminA', 'coordinator']],
  ['recall a committee member of A', (a) => bodiesPolicy.recall(a, committee, { coop_id: A }), ['coordinator']],
  ['call, edit an assembly, set its agenda', (a) => bodiesPolicy.manageAssemblies(a), ['coordinator']],
  ['record and read attendance', (a) => bodiesPolicy.attendance(a), ['coordinator']],
];

describe('bodies policy', () => {
  for (const [action, may, allowed] of MAY) {
    it(`${action}: ${allowed.join(', ') || 'nobody'}`, () => {
      for (const [role, a] of Object.entries(ROLES)) expect(may(a), role).toBe(allowed.includes(role));
    });
  }
});
