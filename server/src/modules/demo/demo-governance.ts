/**
 * The demo network's governance, alive: each co-op has sent one delegate to
 * the council (its third worker, never its admin, so the demo shows a
 * delegate who is not the one who appointed them); the fund committee has
 * three members; last month's assembly met, with its minutes, and the
 * council decided there how imbalances are settled; a second settlement vote
 * is open now, with some ballots cast; a motion is being discussed; and the
 * next assembly is called for next month. Written in Spanish, the network's
 * language. Rows planned in memory, inserted in batches, in the seed's
 * transaction; votes are counted with the domain's own library, as the clock
 * would count them.
 */
import { createHash } from 'node:crypto';
import type { MatterRule } from '@coopnet/contract/governance-bodies';
import { voting } from '@coopnet/domain';
import { countVote } from '@coopnet/domain/voting/count-vote';
import type { Insertable } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { PersonTable } from '../../db/schema.ts';
import type { BodyMemberTable, ElectorateTable, ParticipationTable, ProposalTable } from '../../db/schema-governance.ts';
import { newId } from '../../platform/clock.ts';
import { currentBylaws, ensureGovernance, governanceBodies, scheduleAssembly, seedAgenda, seedProposal } from '../governance/index.ts';
import { insertMembers } from './demo.repository.ts';

const BATCH = 500;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The 15th of the month `months` from now's, 17:00–19:30 UTC (evening in Valencia). */
function fifteenth(now: string, months: number): { startsAt: string; endsAt: string } {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 15, 17, 0, 0);
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2.5 * HOUR).toISOString() };
}

/** The 15th of next month, 17:00–19:30 UTC, whatever today is. */
export const nextMonthsAssembly = (now: string) => fifteenth(now, 1);

const iso = (ms: number) => new Date(ms).toISOString();

/** A receipt shaped as the ballot box gives them ("R-7KQ2-M9XD-4HTP"), made from the vote and the voter's place. */
const receipt = (proposal: number, i: number) => {
  const h = createHash('sha256').update(`coopnet demo receipt ${proposal}:${i}`).digest('hex').toUpperCase();
  return `R-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`;
};

type Choice = 'yes' | 'no' | 'abstain';

export interface GovernanceSeed {
  people: Insertable<PersonTable>[];
  /** e-mails of the printed demo logins: their ballots in the open vote are left for people trying the demo */
  loginEmails: Set<string>;
  /** who proposes the settlement votes */
  treasurerEmail: string;
  now: string;
}

export async function seedGovernance(trx: Tx, { people, loginEmails, treasurerEmail, now }: GovernanceSeed): Promise<{ delegates: number; committee: number; proposals: number }> {
  await ensureGovernance(trx);
  const { council, assembly, committee } = await governanceBodies(trx);
  const nowMs = Date.parse(now);
  const seated = iso(nowMs - 120 * DAY);

  // The plan lists each co-op's workers together, its admin first.
  const byCoop = new Map<string, Insertable<PersonTable>[]>();
  for (const p of people) {
    if (!p.coop_id) continue;
    const workers = byCoop.get(p.coop_id);
    if (workers) workers.push(p);
    else byCoop.set(p.coop_id, [p]);
  }
  const delegates: BodyMemberTable[] = [];
  for (const [coopId, workers] of byCoop) {
    const delegate = workers[2] ?? workers[1];
    if (!delegate) continue; // a one-worker co-op has only its admin
    delegates.push({ id: newId(), body_id: council.id, person_id: delegate.id!, coop_id: coopId, term_start: seated, term_end: null, recalled_at: null, recalled_by: null, created_at: seated });
  }
  for (let i = 0; i < delegates.length; i += BATCH) await insertMembers(trx, delegates.slice(i, i + BATCH));

  // The fund committee: the fourth worker of three co-ops spread over the network, seated since the fund began.
  const coops = [...byCoop.values()];
  const fundMembers: BodyMemberTable[] = [];
  for (const k of [0, 4, 8]) {
    const worker = coops[k % coops.length]?.[3];
    if (!worker || fundMembers.some((m) => m.person_id === worker.id)) continue;
    const since = iso(nowMs - 400 * DAY);
    fundMembers.push({ id: newId(), body_id: committee.id, person_id: worker.id!, coop_id: null, term_start: since, term_end: null, recalled_at: null, recalled_by: null, created_at: since });
  }
  await insertMembers(trx, fundMembers);

  const rules = (await currentBylaws(trx)).bylaws.matters;
  const settlementRule = rules.settlement_policy!;
  // The settlement policy is the council's, one vote per co-op, cast by its delegate.
  const emailOf = new Map(people.map((p) => [p.id!, p.email]));
  const treasurer = people.find((p) => p.email === treasurerEmail) ?? people[0]!;

  /** A council vote on the settlement policy, with ballots following `pattern` (null: has not voted), counted if closed. */
  const councilVote = (n: number, v: Omit<VoteSeed, 'bodyId' | 'matter' | 'rule' | 'electorate' | 'skip'>) =>
    plannedVote(n, {
      ...v,
      bodyId: council.id,
      matter: 'settlement_policy',
      rule: settlementRule,
      electorate: delegates.map((d) => ({ person_id: d.person_id, coop_id: d.coop_id })),
      skip: (personId) => !v.closed && loginEmails.has(emailOf.get(personId) ?? ''),
    });

  // Last month's assembly, where the council's vote on settling closed.
  const held = fifteenth(now, -1);
  const decided = councilVote(1, {
    title: 'Pausar las compensaciones hasta tener un año de datos',
    body:
      'En el mes de prueba, el fondo de solidaridad reembolsó a quien dio más de 50 € netos. Proponemos pausarlo: durante el resto del primer año, cada cooperativa da sus descuentos sin pedir nada a cambio; las cuentas de reciprocidad se publican cada mes, pero nadie compensa a nadie. ' +
      'Con un año de datos sabremos qué cooperativas dan más de lo que reciben y podremos decidir cómo compensarlas.',
    subject: { policy: 'none' },
    opensAt: Date.parse(held.endsAt) - 14 * DAY,
    closesAt: Date.parse(held.endsAt),
    pattern: ['yes', 'yes', 'no', 'yes', 'yes', 'abstain', 'yes', 'yes', 'no', 'yes', 'yes', null],
    closed: true,
    authorId: treasurer.id!,
  });
  const open = councilVote(2, {
    title: 'Que el fondo de solidaridad compense a quien dé más de 300 € al mes',
    body:
      'Las cuentas de los últimos meses muestran que el forn y la librería dan mucho más de lo que reciben. ' +
      'Proponemos que, a partir del mes que viene, el fondo de solidaridad reembolse a cada cooperativa lo que dé por encima de 300 € netos al mes.',
    subject: { policy: 'fund_reimburses_givers', thresholdCents: 30_000 },
    opensAt: nowMs - 3 * DAY,
    closesAt: Math.ceil((nowMs + 9 * DAY) / HOUR) * HOUR,
    pattern: ['yes', null, 'yes', 'no', null, 'yes', null],
    closed: false,
    authorId: treasurer.id!,
  });
  const discussed = discussion(people, now);
  for (const s of [decided, open, discussed]) await seedProposal(trx, s);

  const minutesId = newId();
  await scheduleAssembly(trx, {
    id: minutesId,
    body_id: assembly.id,
    title: 'Asamblea general de otoño',
    starts_at: held.startsAt,
    ends_at: held.endsAt,
    place: 'La Fábrica de Hielo, Carrer de Pavia 37, 46011 València',
    video_url: null,
    minutes:
      'Asistieron 41 personas de 11 cooperativas. La tesorería presentó las cuentas de reciprocidad de los tres primeros meses: ' +
      'se dieron descuentos por valor de 2.310 € y el forn y la librería son quienes más dan. ' +
      'El consejo votó pausar las compensaciones hasta tener un año de datos (aprobado). Se acordó estudiar una furgoneta eléctrica compartida ' +
      'y traer una propuesta a la próxima asamblea. Se cerró la sesión a las 19:25.',
    created_at: iso(Date.parse(held.startsAt) - 30 * DAY),
    updated_at: held.endsAt,
  });
  await seedAgenda(trx, minutesId, [decided.proposal.id]);

  const { startsAt, endsAt } = nextMonthsAssembly(now);
  const nextId = newId();
  await scheduleAssembly(trx, {
    id: nextId,
    body_id: assembly.id,
    title: 'Asamblea general ordinaria',
    starts_at: startsAt,
    ends_at: endsAt,
    place: 'Las Naves, Carrer de Joan Verdeguer 16, 46024 València',
    video_url: null,
    minutes: null,
    created_at: now,
    updated_at: now,
  });
  await seedAgenda(trx, nextId, [discussed.proposal.id]);
  return { delegates: delegates.length, committee: fundMembers.length, proposals: 3 };
}

interface VoteSeed {
  bodyId: string;
  matter: string;
  rule: MatterRule;
  electorate: { person_id: string; coop_id: string | null }[];
  /** voters left out of the ballots (the demo's logins, in a vote still open) */
  skip?: (personId: string) => boolean;
  title: string;
  body: string;
  subject: object;
  opensAt: number;
  closesAt: number;
  pattern: (Choice | null)[];
  closed: boolean;
  authorId: string;
}

/** A vote with ballots following `pattern` (null: has not voted), counted with the domain's library if closed. */
function plannedVote(n: number, v: VoteSeed) {
  const id = newId();
  const electorate: ElectorateTable[] = v.electorate.map((e) => ({ proposal_id: id, person_id: e.person_id, coop_id: e.coop_id, weight: 1 }));
  const voters = electorate.filter((e) => !v.skip?.(e.person_id));
  const ballots: { v: string; c: { choice: Choice }; w: number }[] = [];
  const participation: ParticipationTable[] = [];
  voters.forEach((e, i) => {
    const choice = v.pattern[i % v.pattern.length];
    if (!choice) return;
    ballots.push({ v: e.person_id, c: { choice }, w: 1 });
    participation.push({ proposal_id: id, person_id: e.person_id, cast_by: e.person_id, receipt_code: receipt(n, i), cast_on: iso(v.opensAt + (1 + (i % 5)) * DAY).slice(0, 10) });
  });
  const seed = createHash('sha256').update(`coopnet demo lot ${n}`).digest();
  const size = electorate.length;
  const counted = v.closed
    ? countVote({ rule: v.rule, options: [], seats: 1, ballots, electorate: size, attendance: ballots.length, lot: voting.lotOrder(seed, 0) })
    : null;
  const proposal: ProposalTable = {
    id,
    matter: v.matter,
    title: v.title,
    body_text: v.body,
    subject_json: JSON.stringify(v.subject),
    author_id: v.authorId,
    body_id: v.bodyId,
    status: counted ? counted.outcome : 'voting',
    rule_json: JSON.stringify(v.rule),
    options_json: '[]',
    seats: 1,
    lot_commitment: createHash('sha256').update(seed).digest('hex'),
    lot_seed: seed.toString('hex'),
    voting_opens_at: iso(v.opensAt),
    voting_closes_at: iso(v.closesAt),
    electorate_size: size,
    result_json: counted ? JSON.stringify({ ...counted, effectError: null }) : null,
    decided_at: counted ? iso(v.closesAt) : null,
    effect_applied_at: counted?.outcome === 'passed' ? iso(v.closesAt) : null,
    reminded_at: counted ? iso(v.closesAt - DAY) : null,
    discussion_opened_at: iso(v.opensAt - 10 * DAY),
    created_at: iso(v.opensAt - 12 * DAY),
    updated_at: iso(counted ? v.closesAt : v.opensAt),
  };
  return { proposal, electorate, ballots, participation };
}

/**
 * A vote of the general assembly that closed at `closesAt`, every member
 * co-op's workers its electorate, counted as the clock would count it; its
 * effect is the caller's (the fund's history carries it out on that day).
 * Returns the proposal's id and whether it passed.
 */
export async function seedAssemblyVote(
  trx: Tx,
  n: number,
  v: Omit<VoteSeed, 'bodyId' | 'rule' | 'electorate' | 'closed' | 'skip'> & { voters: { id: string; coop_id: string }[] },
): Promise<{ id: string; passed: boolean }> {
  const { assembly } = await governanceBodies(trx);
  const rule = (await currentBylaws(trx)).bylaws.matters[v.matter]!;
  const planned = plannedVote(n, {
    ...v,
    bodyId: assembly.id,
    rule,
    electorate: v.voters.map((p) => ({ person_id: p.id, coop_id: p.coop_id })),
    closed: true,
  });
  await seedProposal(trx, planned);
  return { id: planned.proposal.id, passed: planned.proposal.status === 'passed' };
}

/** A free motion under discussion, with two comments: proposed by a worker, answered by another. */
function discussion(people: Insertable<PersonTable>[], now: string) {
  const nowMs = Date.parse(now);
  const workers = people.filter((p) => p.coop_id);
  const author = workers[4 % workers.length]!;
  const other = workers[9 % workers.length]!;
  const id = newId();
  const proposal: ProposalTable = {
    id,
    matter: 'free',
    title: 'Compartir una furgoneta eléctrica para los repartos',
    body_text:
      'Varias cooperativas reparten por la ciudad cada día con vehículos propios. Proponemos comprar entre todas una furgoneta eléctrica, ' +
      'reservarla por horas desde la red y repartir su coste según el uso.',
    subject_json: '{}',
    author_id: author.id!,
    body_id: null,
    status: 'discussion',
    rule_json: null,
    options_json: '[]',
    seats: 1,
    lot_commitment: null,
    lot_seed: null,
    voting_opens_at: null,
    voting_closes_at: null,
    electorate_size: null,
    result_json: null,
    decided_at: null,
    effect_applied_at: null,
    reminded_at: null,
    discussion_opened_at: iso(nowMs - 2 * DAY),
    created_at: iso(nowMs - 2 * DAY - HOUR),
    updated_at: iso(nowMs - 2 * DAY),
  };
  const comments = [
    { id: newId(), proposal_id: id, parent_id: null, author_id: other.id!, body_text: '¿Quién se encargaría de cargarla y del seguro? Nosotras podríamos guardarla en el taller por la noche.', created_at: iso(nowMs - DAY - 5 * HOUR) },
    { id: newId(), proposal_id: id, parent_id: null, author_id: author.id!, body_text: 'Buena idea: el taller tiene enchufe y está en el centro. El seguro iría a cargo del fondo común de la furgoneta.', created_at: iso(nowMs - DAY) },
  ];
  return { proposal, comments };
}
