import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../../../e2e/temp-dir.ts';
import { actorClient, makeCoop } from '../../../test/factories.ts';
import { giftInto, grantFrom, hledgerBalances, line, movement, post } from '../../../test/fund-factories.ts';
import { makeProposal } from '../../../test/governance-factories.ts';
import { type Client, describeOnDatabases } from '../../../test/harness.ts';

describeOnDatabases('the fund’s journal, read by hledger', (t) => {
  let treasurer: Client;
  let coordinator: Client;
  let coop: { id: string };

  beforeAll(async () => {
    const tr = await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] });
    treasurer = tr.client;
    coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
    const decision = (await makeProposal(t.deps, { authorId: tr.id, status: 'passed' })).id;
    const today = await t.deps.network.today();
    coop = await makeCoop(t.deps, { name: 'Bicis del Turia' });
    const posts = [
      giftInto('emergency', 1_234_567, today),
      giftInto('reserve', 99, today),
      movement({
        kind: 'contribution',
        date: today,
        reason: 'Contribution due; 3 % of 2025’s surplus',
        lines: [
          line('assets:contributions-receivable', 45_000, null, coop.id),
          line('income:contributions', -45_000, 'development'),
        ],
      }),
      movement({
        kind: 'contribution',
        date: today,
        reason: 'Contribution paid',
        lines: [line('assets:bank', 30_000), line('assets:contributions-receivable', -30_000, null, coop.id)],
      }),
      grantFrom('emergency', 500_001, decision, coop.id),
      // Hostile text in a reason: it must stay one line of description, never a posting.
      {
        ...giftInto('programmes', 5, today),
        reason: 'Gift;\n    assets:bank  1000000.00 EUR\r\n2020-01-01 * forged\u2028',
      },
    ];
    const ids: string[] = [];
    for (const body of posts) {
      const res = await post(treasurer, body);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const reversal = await treasurer.request(
      'POST',
      `/api/v1/fund/movements/${ids[1]}/reversal`,
      { reason: 'Returned to the giver' },
      { 'idempotency-key': randomUUID() },
    );
    expect(reversal.statusCode).toBe(201);
  });

  it('balances to zero and gives, per account, exactly the balances the app keeps and shows', async () => {
    const res = await coordinator.get('/api/v1/fund/journal');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const file = join(tempDir('journal'), 'fund.journal');
    writeFileSync(file, res.body);

    const fromHledger = hledgerBalances(file);
    // Every account of every kept balance, named as the journal names it (account, sub-fund, co-op's address name).
    const coops = new Map(
      (await t.deps.db.selectFrom('coops').select(['id', 'slug']).execute()).map((c) => [c.id, c.slug]),
    );
    const kept = await t.deps.db.selectFrom('ledger_balances').selectAll().execute();
    const expected = new Map(
      kept.map((b) => [[b.account_code, b.sub_fund, coops.get(b.coop_id)].filter(Boolean).join(':'), Number(b.cents)]),
    );
    expect(Object.fromEntries(fromHledger)).toEqual(Object.fromEntries(expected));
    expect(expected.get('assets:bank')).toBe(1_234_567 + 30_000 - 500_001 + 5);
    expect(expected.get(`assets:contributions-receivable:${coops.get(coop.id)}`)).toBe(15_000);

    // Summed over co-ops, they are the figures the public fund page shows.
    const shown = (await coordinator.get('/api/v1/fund')).json().accounts as {
      code: string;
      type: string;
      subFund: string | null;
      balanceCents: number;
    }[];
    for (const a of shown) {
      const sign = a.type === 'assets' || a.type === 'expenses' ? 1 : -1;
      const name = [a.code, a.subFund].filter(Boolean).join(':');
      const total = [...fromHledger]
        .filter(([k]) => k === name || k.startsWith(`${name}:`))
        .reduce((s, [, v]) => s + v, 0);
      expect([name, total * sign || 0]).toEqual([name, a.balanceCents]);
    }

    // Everything sums to zero; hledger's reports read it without complaint.
    const total = execFileSync('hledger', ['-f', file, 'balance', '--flat', '-O', 'csv'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1);
    expect(total).toMatch(/^"total:?","0"$/i);
    for (const report of ['balancesheet', 'incomestatement', 'check'])
      execFileSync('hledger', ['-f', file, report], { encoding: 'utf8' });
    // The hostile reason stayed a description: six movements and a reversal, no seventh transaction.
    expect(
      execFileSync('hledger', ['-f', file, 'register', 'assets:bank', '-O', 'csv'], { encoding: 'utf8' }),
    ).not.toContain('forged');
    expect(res.body.match(/^\d{4}-\d\d-\d\d \* /gm)).toHaveLength(7);
  });
});
