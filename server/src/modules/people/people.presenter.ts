/** Rows to API shapes. */
import type { Invitation, PersonStatus } from '../../db/schema.ts';

export function presentWorker(
  p: { id: string; email: string; display_name: string; status: PersonStatus },
  roles: string[],
) {
  return {
    id: p.id,
    email: p.email,
    displayName: p.display_name,
    status: p.status,
    roles: roles as ('coop_admin' | 'cashier')[],
  };
}

export function presentInvitation(i: Invitation) {
  return {
    id: i.id,
    email: i.email,
    displayName: i.display_name,
    role: i.role,
    createdAt: i.created_at,
    expiresAt: i.expires_at,
    acceptedAt: i.accepted_at,
  };
}
