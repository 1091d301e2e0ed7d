/** A person as they see themselves: what the session and GET /me show. */
import type { Executor } from '../../db/database.ts';
import type { RoleGrant } from '../../platform/auth/actor.ts';
import { rolesOf } from '../../platform/auth/sessions.repository.ts';
import { findCoop } from '../coops/index.ts';
import { findPerson } from './people.repository.ts';

/** `roles` narrows what is shown to what the request may use (an API token keeps only its scopes). */
export async function presentSelf(ex: Executor, personId: string, roles?: RoleGrant[]) {
  const p = (await findPerson(ex, personId))!;
  const coop = p.coop_id ? await findCoop(ex, p.coop_id) : undefined;
  return {
    id: p.id,
    email: p.email,
    displayName: p.display_name,
    coopId: p.coop_id,
    coopName: coop?.name ?? null,
    supporter: p.supporter === 1,
    roles: roles ?? (await rolesOf(ex, p.id)),
  };
}
