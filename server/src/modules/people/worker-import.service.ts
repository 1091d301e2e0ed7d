/**
 * Importing a co-op's workers from a CSV file (`email,display_name`). The
 * rules of the file are in domain/people; here the e-mails already in the
 * network are refused, and the good rows become invited workers in ONE
 * transaction: a failure half-way imports nothing. A dry run only checks.
 */
import {
  REFUSAL_REASONS,
  type RefusedRow,
  WorkerCsvError,
  checkWorkerRows,
  readWorkerCsv,
} from '@coopnet/domain/people/worker-import';
import type { WorkerImportInput } from '@coopnet/contract/people';
import type { Person } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import type { MaybeActor } from '../../platform/auth/actor.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { coopForPeople } from './coop-access.ts';
import { inviteMany } from './invite.ts';
import * as repo from './people.repository.ts';

function readFile(csv: string) {
  try {
    return readWorkerCsv(csv);
  } catch (err) {
    if (err instanceof WorkerCsvError) throw badRequest(`people.${err.code}`, err.message, { line: err.line });
    throw err;
  }
}

const present = (refused: RefusedRow[]) =>
  refused.sort((a, b) => a.line - b.line).map((r) => ({ ...r, reason: REFUSAL_REASONS[r.code] }));

export function workerImportService({ db, config, mailer, network: settings }: AppDeps) {
  async function importWorkers(actorIn: MaybeActor, coopId: string, input: WorkerImportInput) {
    const { actor, coop } = await coopForPeople(db, actorIn, coopId, 'manage');
    const rows = readFile(input.csv);
    const { good, refused } = checkWorkerRows(rows);

    const splitTaken = async (taken: Set<string>) => {
      const fresh = good.filter((r) => !taken.has(r.email));
      for (const r of good)
        if (taken.has(r.email)) refused.push({ line: r.line, email: r.email, code: 'already_registered' });
      return fresh;
    };

    if (input.dryRun) {
      await splitTaken(
        await repo.takenEmails(
          db,
          good.map((r) => r.email),
        ),
      );
      return { dryRun: true, total: rows.length, imported: 0, refused: present(refused) };
    }

    let imported = 0;
    try {
      imported = await db.transaction().execute(async (trx) => {
        const fresh = await splitTaken(
          await repo.takenEmails(
            trx,
            good.map((r) => r.email),
          ),
        );
        if (fresh.length === 0) return 0;
        const now = nowIso();
        const people: Person[] = fresh.map((r) => ({
          id: newId(),
          email: r.email,
          display_name: r.displayName,
          password_hash: null,
          coop_id: coop.id,
          supporter: 0,
          status: 'invited',
          locale: null,
          created_at: now,
          updated_at: now,
          left_at: null,
        }));
        await repo.insertPeople(trx, people);
        const network = await settings.get(trx);
        await inviteMany(
          trx,
          { secret: config.sessionSecret, publicUrl: config.publicUrl, delivers: mailer.delivers },
          {
            coopId: coop.id,
            coopName: coop.name,
            role: 'worker',
            invitedBy: actor.personId,
            networkName: network.name,
            locale: network.locale,
          },
          fresh,
          {
            action: 'workers.imported',
            subjectType: 'coop',
            subjectId: coop.id,
            after: { total: rows.length, imported: fresh.length, refused: refused.length },
          },
        );
        return fresh.length;
      });
    } catch (err) {
      if (repo.isUniqueViolation(err)) {
        throw conflict(
          'people.import_conflict',
          'Someone joined with one of these e-mails while the file was imported; nothing was imported. Try again.',
        );
      }
      throw err;
    }
    if (imported > 0) void mailer.flush().catch(() => {});
    return { dryRun: false, total: rows.length, imported, refused: present(refused) };
  }

  return { importWorkers };
}
