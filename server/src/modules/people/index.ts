/**
 * The people module's door: what other modules may use of it — a co-op's
 * people as seen by those who manage them, a person as they see themselves,
 * invitations, and the event of a worker leaving their co-op.
 */
export { peopleRoutes } from './people.routes.ts';
export { coopForPeople } from './coop-access.ts';
export { presentSelf } from './self.ts';
export { findInvitationByHash, markInvitationAccepted } from './invitations.repository.ts';
export { invite, inviteFirstAdmin } from './invite.ts';
export { emitWorkerLeft, onWorkerLeft, type WorkerLeftEvent, type WorkerLeftListener } from './people.service.ts';
