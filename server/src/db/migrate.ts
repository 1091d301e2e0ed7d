/** Runs the append-only migrations, the same files on both dialects. */
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-directory-order.ts';
import * as m0003 from './migrations/0003-governance.ts';
import * as m0004 from './migrations/0004-proposal-discussion.ts';
import * as m0005 from './migrations/0005-cards.ts';
import * as m0006 from './migrations/0006-benefits.ts';
import * as m0007 from './migrations/0007-account-secrets.ts';
import * as m0008 from './migrations/0008-till-proof.ts';
import * as m0009 from './migrations/0009-database-purpose.ts';
import * as m0010 from './migrations/0010-sectors.ts';
import * as m0011 from './migrations/0011-fund-ledger.ts';
import * as m0012 from './migrations/0012-fund-applications.ts';
import * as m0013 from './migrations/0013-fund-contributions.ts';
import * as m0014 from './migrations/0014-fund-loans.ts';
import * as m0018 from './migrations/0018-fund-budgets.ts';
import * as m0017 from './migrations/0017-fund-contributions-more.ts';
import * as m0015 from './migrations/0015-settlements-ledger.ts';
import * as m0016 from './migrations/0016-loan-changes.ts';
import * as m0019 from './migrations/0019-fund-clock.ts';
import * as m0021 from './migrations/0021-news.ts';
import * as m0022 from './migrations/0022-budgeting.ts';
import * as m0023 from './migrations/0023-programmes.ts';
import * as m0024 from './migrations/0024-programme-figures.ts';
import * as m0025 from './migrations/0025-ventures.ts';
import * as m0020 from './migrations/0020-campaigns.ts';
import * as m0027 from './migrations/0027-pledge-language.ts';
import * as m0026 from './migrations/0026-campaign-images.ts';
import * as m0028 from './migrations/0028-news-follow-confirm.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-directory-order': m0002,
  '0003-governance': m0003,
  '0004-proposal-discussion': m0004,
  '0005-cards': m0005,
  '0006-benefits': m0006,
  '0007-account-secrets': m0007,
  '0008-till-proof': m0008,
  '0009-database-purpose': m0009,
  '0010-sectors': m0010,
  '0011-fund-ledger': m0011,
  '0012-fund-applications': m0012,
  '0013-fund-contributions': m0013,
  '0014-fund-loans': m0014,
  '0018-fund-budgets': m0018,
  '0017-fund-contributions-more': m0017,
  '0015-settlements-ledger': m0015,
  '0016-loan-changes': m0016,
  '0019-fund-clock': m0019,
  '0021-news': m0021,
  '0022-budgeting': m0022,
  '0023-programmes': m0023,
  '0024-programme-figures': m0024,
  '0025-ventures': m0025,
  '0020-campaigns': m0020,
  '0027-pledge-language': m0027,
  '0026-campaign-images': m0026,
  '0028-news-follow-confirm': m0028,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations this code knows, in order; a backup records which of them its data had. */
export function knownMigrations(): string[] {
  return Object.keys(migrations).sort();
}

/** Migrates up to and including `name`: a restore loads an older backup at its own schema version first. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
