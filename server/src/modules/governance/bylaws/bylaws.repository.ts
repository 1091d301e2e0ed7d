/** Versions of the bylaws: each adoption appends a version; the newest one rules. */
import { Bylaws as StoredBylaws } from '@coopnet/contract/governance-bodies';
import type { Bylaws } from '@coopnet/domain/governance/bylaws';
import type { Executor } from '../../../db/database.ts';
import { newId, nowIso } from '../../../platform/clock.ts';
import { parseStored } from '../../../platform/stored-json.ts';

export interface BylawsVersion {
  id: string;
  version: number;
  bylaws: Bylaws;
  adoptedAt: string;
  proposalId: string | null;
}

const toVersion = (r: { id: string; version: number; rules_json: string; adopted_at: string; proposal_id: string | null }): BylawsVersion => ({
  id: r.id,
  version: Number(r.version),
  bylaws: parseStored(StoredBylaws, r.rules_json, 'bylaws_versions.rules_json'),
  adoptedAt: r.adopted_at,
  proposalId: r.proposal_id,
});

/** The bylaws in force. Version 1 exists from the first start (ensureGovernance). */
export async function currentBylaws(ex: Executor): Promise<BylawsVersion> {
  const row = await ex.selectFrom('bylaws_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  return toVersion(row);
}

export async function bylawsVersion(ex: Executor, version: number): Promise<BylawsVersion | undefined> {
  const row = await ex.selectFrom('bylaws_versions').selectAll().where('version', '=', version).executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export async function listBylawsVersions(ex: Executor): Promise<{ version: number; adoptedAt: string; proposalId: string | null }[]> {
  const rows = await ex.selectFrom('bylaws_versions').select(['version', 'adopted_at', 'proposal_id']).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), adoptedAt: r.adopted_at, proposalId: r.proposal_id }));
}

/**
 * Appends a new version (the caller validated it with bylawProblems and
 * audits the change in its transaction). The unique version column makes two
 * concurrent adoptions fail rather than share a number.
 */
export async function adoptBylaws(ex: Executor, bylaws: Bylaws, proposalId: string | null): Promise<number> {
  const last = await ex.selectFrom('bylaws_versions').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  const version = last ? Number(last.version) + 1 : 1;
  await ex
    .insertInto('bylaws_versions')
    .values({ id: newId(), version, rules_json: JSON.stringify(bylaws), adopted_at: nowIso(), proposal_id: proposalId })
    .execute();
  return version;
}
