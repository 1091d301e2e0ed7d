/**
 * The demo's solidarity fund, booked through the ledger's own posting (the
 * same checks as any treasurer's movement): the balances carried over from
 * the network's books a year ago, split between the sub-funds, and gifts
 * since, month by month, so the fund's page has money in to show.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { createNetworkSettings } from '../../platform/network/settings.ts';
import { postIn } from '../fund/index.ts';
import { getNetwork } from '../network/index.ts';

/** What each sub-fund held when the network started keeping its books here, in cents. */
const OPENING: [subFund: string, cents: number][] = [
  ['emergency', 1_200_000],
  ['development', 4_000_000],
  ['programmes', 950_000],
  ['reserve', 700_000],
];

const DAY_MS = 86_400_000;
/** A stable key per demo movement: seeding twice never books twice. */
const keyOf = (what: string) => `demo-${createHash('sha256').update(what).digest('hex').slice(0, 32)}`;

export async function seedFund(
  trx: Tx,
  dialect: AppDeps['dialect'],
  now: string,
  treasurerId: string | null,
): Promise<{ movements: number }> {
  const network = createNetworkSettings((ex = trx) => getNetwork(ex), 0);
  const deps = { dialect, network };
  const nowMs = Date.parse(now);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let movements = 0;
  const total = OPENING.reduce((s, [, c]) => s + c, 0);
  await postIn(
    trx,
    deps,
    {
      kind: 'opening',
      date: day(nowMs - 365 * DAY_MS),
      reason: 'Balances carried over from the network’s earlier books',
      decision: null,
      lines: [
        { account: 'assets:bank', subFund: null, coopId: null, cents: total },
        ...OPENING.map(([subFund, cents]) => ({ account: 'equity:funds', subFund, coopId: null, cents: -cents })),
      ],
    },
    { actorId: treasurerId, key: keyOf('opening') },
  );
  movements++;
  // A gift a month from the neighbourhood's supporters, into the community programmes and the emergency sub-fund.
  for (let m = 11; m >= 1; m--) {
    const cents = 15_000 + ((m * 3_700) % 20_000);
    await postIn(
      trx,
      deps,
      {
        kind: 'gift',
        date: day(nowMs - m * 30 * DAY_MS),
        reason: m % 2 ? 'Gifts collected at the neighbourhood festival' : 'Monthly gifts from supporters',
        decision: null,
        lines: [
          { account: 'assets:bank', subFund: null, coopId: null, cents },
          { account: 'income:gifts', subFund: m % 2 ? 'programmes' : 'emergency', coopId: null, cents: -cents },
        ],
      },
      { actorId: treasurerId, key: keyOf(`gift-${m}`) },
    );
    movements++;
  }
  return { movements };
}
