/** Rows of bodies and members to API shapes. */
import type { BodyTable } from '../../../db/schema-governance.ts';
import type { MaybeActor } from '../../../platform/auth/actor.ts';
import { bodiesPolicy } from './bodies.policy.ts';
import { builtInBody } from './first-start.repository.ts';

export function presentBody(b: BodyTable, memberCount: number) {
  return {
    id: b.id,
    kind: b.kind,
    name: b.name,
    description: b.description,
    builtIn: builtInBody(b),
    delegatesPerCoop: b.delegates_per_coop === null ? null : Number(b.delegates_per_coop),
    memberCount,
  };
}

interface MemberRow {
  id: string;
  person_id: string;
  display_name: string;
  person_status: string;
  coop_id: string | null;
  coop_name: string | null;
  term_start: string;
  term_end: string | null;
  recalled_at: string | null;
}

/** Active as activeMembers() counts it: not recalled, term running, account active. */
export const isActiveMember = (m: MemberRow, at: string) =>
  m.recalled_at === null && (m.term_end === null || m.term_end > at) && m.person_status === 'active';

export function presentMember(m: MemberRow, body: Pick<BodyTable, 'kind'>, actor: MaybeActor, at: string) {
  const active = isActiveMember(m, at);
  return {
    id: m.id,
    personId: m.person_id,
    displayName: m.display_name,
    coopId: m.coop_id,
    coopName: m.coop_name,
    termStart: m.term_start,
    termEnd: m.term_end,
    recalledAt: m.recalled_at,
    active,
    abilities: { recall: active && bodiesPolicy.recall(actor, body, m) },
  };
}
