import { beforeAll, expect, it } from 'vitest';
import { actorClient } from '../../../test/factories.ts';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { smtpCatcher } from '../../../test/smtp-catcher.ts';
import { pledgeJob } from './index.ts';

const smtp = smtpCatcher();

/** A mail's subject and text as its reader sees them: headers unfolded, encoded words and quoted-printable decoded as UTF-8. */
function readable(raw: string): { subject: string; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const qp = (s: string) =>
    Buffer.from(
      s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const subject = (/^Subject: (.*)$/im.exec(headers)?.[1] ?? '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
  const body = rest.join('\n\n');
  return { subject, body: /content-transfer-encoding:\s*quoted-printable/i.test(headers) ? qp(body) : body };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describeOnDatabases(
  'receipts and thank-you mails of pledges',
  (t) => {
    let treasurer: Client;
    let today: string;
    const slug = 'legal-costs';
    const visitor = () => new Client(t.app);
    const mapping = { date: 0, amount: 1, reference: 2, description: 3, header: true };

    const pledge = async (body: Record<string, unknown>) => {
      const res = await visitor().post(`/api/v1/campaigns/${slug}/pledges`, body);
      expect(res.statusCode, res.body).toBe(201);
      await smtp.delivered(t.deps);
      return res.json() as { id: string; reference: string; dues: { id: string }[] };
    };
    const mails = async (email: string) => {
      await smtp.delivered(t.deps);
      return smtp
        .to(email)
        .reverse()
        .map((m) => readable(m.raw));
    };
    const movementOf = async (dueId: string) =>
      (
        await t.deps.db
          .selectFrom('campaign_pledge_dues')
          .select('movement_id')
          .where('id', '=', dueId)
          .executeTakeFirstOrThrow()
      ).movement_id!;
    const confirm = (dueId: string, key: string, cents: number) =>
      treasurer.request(
        'POST',
        `/api/v1/campaigns/dues/${dueId}/payments`,
        { cents, date: today },
        { 'idempotency-key': key },
      );

    beforeAll(async () => {
      const coordinator = (await actorClient(t.deps, t.app, { roles: [{ role: 'coordinator' }] })).client;
      treasurer = (await actorClient(t.deps, t.app, { roles: [{ role: 'treasurer' }] })).client;
      today = await t.deps.network.today();
      const res = await coordinator.post('/api/v1/campaigns', {
        slug,
        ownerKind: 'group',
        ownerName: 'Support group',
        title: 'Legal costs of the arrested',
        summary: 'Lawyers for the six arrested at the picket.',
        goalCents: 800_000,
        deadline: addDays(today, 90),
        subFund: 'emergency',
      });
      expect(res.statusCode).toBe(201);
    });

    it('mails a receipt and a thank-you in the pledge’s language when a treasurer confirms it, once', async () => {
      const p = await pledge({
        cents: 2500,
        frequency: 'one_off',
        email: `lucia.${t.dialect}@example.org`,
        locale: 'es',
      });
      const [made] = await mails(`lucia.${t.dialect}@example.org`);
      expect(made!.subject).toContain(`referencia ${p.reference}`);
      expect(made!.body).toContain(`Transfiere 25.00 EUR con la referencia ${p.reference} en el concepto.`);

      expect((await confirm(p.dues[0]!.id, 'receipt-lucia-1', 2500)).statusCode).toBe(201);
      const after = await mails(`lucia.${t.dialect}@example.org`);
      expect(after).toHaveLength(3);
      const receipt = after.find((m) => m.subject.startsWith('Recibo'))!;
      const thanks = after.find((m) => m.subject.startsWith('Gracias por apoyar'))!;
      expect(receipt.subject).toMatch(/^Recibo: 25,00\s€ para «Legal costs of the arrested»$/);
      expect(receipt.body).toMatch(/Importe: 25,00\s€/);
      for (const fact of [
        `Referencia: ${p.reference}`,
        'Campaña: Legal costs of the arrested',
        `Movimiento en el libro del fondo: ${await movementOf(p.dues[0]!.id)}`,
      ])
        expect(receipt.body).toContain(fact);
      expect(receipt.body).toMatch(/Fecha: \d{1,2} [a-z]+\.? \d{4}/);
      expect(thanks.body).toMatch(/\/campaigns\/legal-costs/);

      // The same confirmation again, and a second payment of the paid due: nothing more is sent.
      expect((await confirm(p.dues[0]!.id, 'receipt-lucia-1', 2500)).statusCode).toBe(200);
      expect((await confirm(p.dues[0]!.id, 'receipt-lucia-2', 2500)).statusCode).toBe(409);
      expect(await mails(`lucia.${t.dialect}@example.org`)).toHaveLength(3);
    });

    it('mails them when the bank statement books the payment, once however often it is imported; the next month only a receipt', async () => {
      const p = await pledge({
        cents: 1000,
        frequency: 'monthly',
        email: `sam.${t.dialect}@example.org`,
        locale: 'en',
      });
      const csv = ['Date;Amount;Reference;Description', `${today};10,00;${p.reference};Solidarity`].join('\n');
      const first = (await treasurer.post('/api/v1/fund/statements', { csv, mapping })).json();
      expect(first.matched).toHaveLength(1);
      const after = await mails(`sam.${t.dialect}@example.org`);
      expect(after.map((m) => m.subject)).toEqual([
        `Your pledge to “Legal costs of the arrested”: reference ${p.reference}`,
        'Receipt: €10.00 to “Legal costs of the arrested”',
        'Thank you for backing “Legal costs of the arrested”',
      ]);
      expect(after[1]!.body).toContain(`Movement in the fund's ledger: ${await movementOf(p.dues[0]!.id)}`);
      expect(after[1]!.body).toContain(`Reference: ${p.reference}`);

      const again = (await treasurer.post('/api/v1/fund/statements', { csv, mapping })).json();
      expect([again.matched.length, again.alreadyImported.length]).toEqual([0, 1]);
      expect(await mails(`sam.${t.dialect}@example.org`)).toHaveLength(3);

      const nextMonth = addDays(`${today.slice(0, 7)}-01`, 40);
      await pledgeJob(t.deps, nextMonth);
      const dues = (await t.deps.db
        .selectFrom('campaign_pledge_dues')
        .select(['id', 'period'])
        .where('pledge_id', '=', p.id)
        .orderBy('period')
        .execute()) as { id: string }[];
      expect(dues).toHaveLength(2);
      expect((await confirm(dues[1]!.id, 'receipt-sam-2', 1000)).statusCode).toBe(201);
      const later = await mails(`sam.${t.dialect}@example.org`);
      expect(later.map((m) => m.subject.split(':')[0])).toEqual([
        'Your pledge to “Legal costs of the arrested”',
        'Receipt',
        'Thank you for backing “Legal costs of the arrested”',
        'Receipt',
      ]);
    });

    it('writes a pledge made without a language in the network’s', async () => {
      const p = await pledge({ cents: 700, frequency: 'one_off', email: `nolang.${t.dialect}@example.org` });
      expect((await confirm(p.dues[0]!.id, 'receipt-nolang-1', 700)).statusCode).toBe(201);
      expect((await mails(`nolang.${t.dialect}@example.org`)).map((m) => m.subject)).toEqual([
        `Your pledge to “Legal costs of the arrested”: reference ${p.reference}`,
        'Receipt: €7.00 to “Legal costs of the arrested”',
        'Thank you for backing “Legal costs of the arrested”',
      ]);
    });
  },
  smtp.config,
);
