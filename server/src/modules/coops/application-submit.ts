/**
 * Recording an application to join, inside the caller's transaction: the
 * co-op as an applicant, its pending application, the contact's mail and the
 * audit event. The public form uses it, and so does a launched venture
 * applying through its team (ventures module) — then `actorId` is who sent it.
 */
import type { ApplicationInput } from '@coopnet/contract/coops';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../../platform/audit/audit.repository.ts';
import { newId, nowIso } from '../../platform/clock.ts';
import { queueMail } from '../../platform/mail/outbox.repository.ts';
import { mailText } from '../../platform/mail/templates.ts';
import { checkSectors } from '../network/index.ts';
import * as repo from './coops.repository.ts';
import { searchText } from './coops.service.ts';
import { slugify, uniqueSlug } from './slug.ts';

export async function submitApplicationIn(
  trx: Tx,
  deps: Pick<AppDeps, 'network'>,
  input: ApplicationInput,
  actorId: string | null = null,
): Promise<{ id: string; coopId: string }> {
  const id = newId();
  const coopId = newId();
  const now = nowIso();
  await checkSectors(trx, [input.coop.sector], 'coop.sector');
  const base = slugify(input.coop.name);
  const slug = uniqueSlug(base, await repo.slugsLike(trx, base));
  const c = input.coop;
  await repo.insertCoop(trx, {
    id: coopId,
    slug,
    name: c.name,
    search_text: searchText(c.name, c.description, c.city, c.sector),
    legal_form: c.legalForm,
    sector: c.sector,
    address: c.address,
    city: c.city,
    latitude: c.latitude ?? null,
    longitude: c.longitude ?? null,
    description: c.description,
    website: c.website ?? null,
    logo_url: c.logoUrl ?? null,
    worker_count: c.workerCount,
    status: 'applicant',
    created_at: now,
    updated_at: now,
    admitted_at: null,
  });
  await repo.insertApplication(trx, {
    id,
    coop_id: coopId,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    message: input.message,
    status: 'pending',
    decided_by: null,
    decided_at: null,
    decision_note: null,
    created_at: now,
  });
  const network = await deps.network.get(trx);
  await queueMail(trx, {
    to: input.contactEmail,
    ...mailText(network.locale, 'applicationReceived', {
      name: input.contactName,
      coop: c.name,
      network: network.name,
    }),
  });
  await recordAudit(trx, {
    actorId,
    action: 'application.submitted',
    subjectType: 'application',
    subjectId: id,
    coopId,
    after: { coop: c.name, contactEmail: input.contactEmail },
  });
  return { id, coopId };
}
