/**
 * One ballot as the box keeps it, as a schema, so the box is read back
 * checked (ballots.repository.ts). Secret: `t` is the keyed hash of the
 * voter's ballot token bound to the voter (ballot-binding.ts; only while the
 * ballot may still be changed), never a voter or a time. Open: `v` names the
 * voter. `w` is the ballot's weight (own + delegated). `c` is what it says,
 * in the form the domain's checkBallot gives.
 */
import type { BallotContent } from '@coopnet/domain/voting/cast';
import { z } from 'zod';

const YesNo = z.strictObject({ choice: z.enum(['yes', 'no', 'abstain']) });
const Consent = z.strictObject({ choice: z.enum(['consent', 'stand_aside', 'block']), reason: z.string().optional() });
const Approvals = z.strictObject({ approvals: z.array(z.number().int()) });
const Ranking = z.strictObject({ ranking: z.array(z.number().int()) });

/** The shape a content must have, told by its keys: tried in turn as a union, a box of thousands reads several times slower. */
function shapeOf(c: unknown) {
  if (typeof c !== 'object' || c === null) return null;
  if ('ranking' in c) return Ranking;
  if ('approvals' in c) return Approvals;
  const choice = (c as { choice?: unknown }).choice;
  return choice === 'yes' || choice === 'no' || choice === 'abstain' ? YesNo : Consent;
}

const Content = z.custom<BallotContent>((c) => shapeOf(c)?.safeParse(c).success === true, 'not a ballot the box keeps');

export const BoxEntry = z.object({ t: z.string().optional(), v: z.string().optional(), c: Content, w: z.number().int() });
export type BoxEntry = z.infer<typeof BoxEntry>;

export const BallotBox = z.array(BoxEntry);
