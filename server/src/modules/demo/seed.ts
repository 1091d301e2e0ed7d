/**
 * Seeds the demo network into an empty database: one transaction, rows sent
 * in multi-row inserts of a few hundred, the shared demo password hashed once,
 * and one audit event that sums it up. Used by `coopnet serve` (on an empty
 * database when SEED_DEMO is on), `coopnet seed-demo` and the benchmarks.
 */
import type { Db } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { nowIso } from '../../platform/clock.ts';
import { conflict } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createNetworkSettings } from '../../platform/network/settings.ts';
import { getNetwork, updateNetwork } from '../network/index.ts';
import { DEMO_NETWORK, DEMO_PASSWORD } from './demo-data.ts';
import { seedBenefits } from './demo-benefits.ts';
import { seedFund } from './demo-fund.ts';
import { seedDemoNews } from '../news/index.ts';
import { seedDemoProgrammes } from '../programmes/index.ts';
import { seedDemoBudgeting } from '../budgeting/index.ts';
import { seedDemoCampaigns } from '../campaigns/index.ts';
import { seedDemoVentures } from '../ventures/index.ts';
import { seedFundHistory } from './demo-fund-history.ts';
import { seedGovernance } from './demo-governance.ts';
import { type DemoLogin, type DemoSize, defaultSize, planDemo } from './demo-plan.ts';
import * as repo from './demo.repository.ts';

export { DEMO_PASSWORD } from './demo-data.ts';
export type { DemoLogin } from './demo-plan.ts';

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;

export type SeedProgress = (stage: string, done: number, total: number) => void;

export interface SeedResult {
  counts: { coops: number; workers: number; supporters: number; applications: number; roleGrants: number };
  logins: DemoLogin[];
  password: string;
}

async function inBatches<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<void>,
  stage: string,
  onProgress?: SeedProgress,
) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await insert(rows.slice(i, i + BATCH));
    onProgress?.(stage, Math.min(i + BATCH, rows.length), rows.length);
  }
}

export async function hasCoops(db: Db): Promise<boolean> {
  return (await repo.countCoops(db)) > 0;
}

/** `network`: the running app's settings, forgotten once the network is renamed (a command without the app has none). */
export async function seedDemo(
  { db, dialect, network }: Pick<AppDeps, 'db' | 'dialect'> & Partial<Pick<AppDeps, 'network'>>,
  size: DemoSize = defaultSize(),
  onProgress?: SeedProgress,
): Promise<SeedResult> {
  const now = nowIso();
  const plan = planDemo(size, await hashPassword(DEMO_PASSWORD), now);
  await db.transaction().execute(async (trx) => {
    // Checked inside the transaction: two starts at once seed once.
    if ((await repo.countCoops(trx)) > 0)
      throw conflict(
        'demo.not_empty',
        'The database already holds co-ops; the demo network is seeded only into an empty one.',
      );
    const network = await getNetwork(trx);
    if (network.purpose === 'real')
      throw conflict(
        'demo.real_network',
        'This database was created for a real network; the demo network is never seeded into it.',
      );
    await updateNetwork(trx, network.id, {
      purpose: 'demo',
      name: DEMO_NETWORK.name,
      currency: DEMO_NETWORK.currency,
      locale: DEMO_NETWORK.locale,
      time_zone: DEMO_NETWORK.timeZone,
      description: DEMO_NETWORK.description,
      updated_at: now,
    });
    await inBatches(plan.coops, (b) => repo.insertCoops(trx, b), 'co-ops', onProgress);
    await inBatches(plan.people, (b) => repo.insertPeople(trx, b), 'workers', onProgress);
    await inBatches(plan.roleGrants, (b) => repo.insertRoleGrants(trx, b), 'roles', onProgress);
    await repo.insertCoops(trx, plan.applicants);
    await repo.insertApplications(trx, plan.applications);
    const governance = await seedGovernance(trx, {
      people: plan.people,
      loginEmails: new Set(plan.logins.map((l) => l.email)),
      treasurerEmail: plan.logins.find((l) => l.role === 'treasurer')!.email,
      now,
    });
    const benefits = await seedBenefits(trx, plan, now);
    const treasurerEmail = plan.logins.find((l) => l.role === 'treasurer')!.email;
    const treasurerId = plan.people.find((p) => p.email === treasurerEmail)!.id!;
    const fund = await seedFund(trx, dialect, now, treasurerId);
    const coordinatorEmail = plan.logins.find((l) => l.role === 'coordinator')!.email;
    const history = await seedFundHistory(trx, {
      dialect,
      network: createNetworkSettings((ex = trx) => getNetwork(ex), 0),
      now,
      plan,
      treasurerId,
      coordinatorId: plan.people.find((p) => p.email === coordinatorEmail)!.id!,
    });
    const programmes = await seedDemoProgrammes(trx, {
      coordinatorId: plan.people.find((p) => p.email === coordinatorEmail)!.id!,
      now,
    });
    const budgeting = await seedDemoBudgeting(trx, {
      coordinatorId: plan.people.find((p) => p.email === coordinatorEmail)!.id!,
      now,
    });
    const campaigns = await seedDemoCampaigns(trx, {
      coordinatorId: plan.people.find((p) => p.email === coordinatorEmail)!.id!,
      now,
    });
    const loginEmails = new Set(plan.logins.map((l) => l.email));
    const ventures = await seedDemoVentures(trx, {
      teamIds: plan.people.filter((p) => p.coop_id && !loginEmails.has(p.email)).slice(0, 4).map((p) => p.id!),
      now,
    });
    const adminEmail = plan.logins.find((l) => l.role === 'co-op admin')!.email;
    const coopAdmin = plan.people.find((p) => p.email === adminEmail)!;
    const news = await seedDemoNews(trx, {
      coordinatorId: plan.people.find((p) => p.email === coordinatorEmail)!.id!,
      coopAdminId: coopAdmin.id!,
      coopId: coopAdmin.coop_id!,
      now,
    });
    await recordAudit(trx, {
      actorId: null,
      action: 'demo.seeded',
      subjectType: 'network',
      subjectId: network.id,
      before: { name: network.name },
      after: { name: DEMO_NETWORK.name, ...plan.counts, ...governance, ...benefits, fundMovements: fund.movements, ...history, ...news, ...programmes, ...budgeting, ...campaigns, ...ventures },
    });
  });
  network?.invalidate();
  return { counts: plan.counts, logins: plan.logins, password: DEMO_PASSWORD };
}

/**
 * The demo logins that still work: the accounts exist and still have the demo
 * password (an operator who changed them gets no box printed at start).
 */
export async function workingDemoLogins(db: Db): Promise<DemoLogin[]> {
  const { logins } = planDemo(defaultSize(), '', nowIso());
  // The seed hashes the password once, so most accounts share one hash: verify each distinct hash once.
  const verdicts = new Map<string, Promise<boolean>>();
  const ok = await Promise.all(
    logins.map(async (l) => {
      const hash = await repo.passwordHashOf(db, l.email);
      if (!hash) return false;
      if (!verdicts.has(hash)) verdicts.set(hash, verifyPassword(DEMO_PASSWORD, hash));
      return verdicts.get(hash)!;
    }),
  );
  return logins.filter((_, i) => ok[i]);
}
