/**
 * Reading the bylaws, and the one check every new version passes. Bylaws
 * change only through a passed 'bylaw_change' proposal (closing.ts applies
 * it with adoptBylaws in the closing transaction), never through an endpoint.
 */
import type { Bylaws as BylawsInput } from '@coopnet/contract/governance-bodies';
import { type Bylaws, bylawProblems } from '@coopnet/domain/governance/bylaws';
import type { AppDeps } from '../../../deps.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { type BylawsVersion, bylawsVersion, currentBylaws, listBylawsVersions } from './bylaws.repository.ts';

// The contract's schema and the domain's type must describe the same document.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractMatchesDomain: Same<BylawsInput, Bylaws> = true;
void contractMatchesDomain;

/** Throws 400 governance.bad_bylaws with every problem as details. */
export function assertValidBylaws(bylaws: Bylaws): void {
  const problems = bylawProblems(bylaws);
  if (problems.length > 0) throw badRequest('governance.bad_bylaws', 'These bylaws do not make sense together.', problems);
}

const present = (v: BylawsVersion) => ({ version: v.version, adoptedAt: v.adoptedAt, proposalId: v.proposalId, bylaws: v.bylaws });

export function bylawsService({ db }: AppDeps) {
  return {
    current: async () => present(await currentBylaws(db)),
    version: async (n: number) => {
      const v = await bylawsVersion(db, n);
      if (!v) throw notFound('bylaws version');
      return present(v);
    },
    versions: async (q: { limit: number; offset: number }) => {
      const all = await listBylawsVersions(db);
      return { items: all.slice(q.offset, q.offset + q.limit), total: all.length, limit: q.limit, offset: q.offset };
    },
  };
}
