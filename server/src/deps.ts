/** What every module's routes and services are built from. */
import type { Config } from './config.ts';
import type { Db, DialectName } from './db/database.ts';
import type { Mailer } from './platform/mail/mailer.ts';

export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  mailer: Mailer;
}
