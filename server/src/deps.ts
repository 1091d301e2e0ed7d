/** What every module's routes and services are built from. */
import type { Config } from './config.ts';
import type { Db, DialectName } from './db/database.ts';
import type { Mailer } from './platform/mail/mailer.ts';
import type { NetworkSettingsReader } from './platform/network/settings.ts';

export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  mailer: Mailer;
  /** the network's settings, kept (platform/network/settings.ts) */
  network: NetworkSettingsReader;
}
