import { beforeAll, expect, it } from 'vitest';
import { Client, describeOnDatabases } from '../../../test/harness.ts';
import { actorClient, makeCoop, makePerson, tableCounts } from '../../../test/factories.ts';
import { workersCsv } from '../../../test/people-factories.ts';

describeOnDatabases('importing workers from a CSV file', (t) => {
  let coop: { id: string; name: string };
  let admin: Client;
  let n = 0;
  const url = () => `/api/v1/coops/${coop.id}/worker-imports`;
  /** Distinct e-mails per call, so each test starts from unused addresses. */
  const batch = (count: number) => {
    n++;
    return Array.from({ length: count }, (_, i) => `w${n}-${i}@import.example,Worker ${n}-${i}`);
  };
  const peopleOf = async () =>
    t.deps.db
      .selectFrom('people')
      .select(['email', 'display_name', 'status', 'password_hash', 'coop_id'])
      .where('coop_id', '=', coop.id)
      .execute();

  beforeAll(async () => {
    coop = await makeCoop(t.deps, { name: 'Tejidos del Sur' });
    admin = (await actorClient(t.deps, t.app, { coopId: coop.id, roles: [{ role: 'coop_admin', coopId: coop.id }] }))
      .client;
    await makePerson(t.deps, { email: 'taken@import.example', supporter: true });
  });

  it('imports 197 of 200 rows and refuses exactly the 3 bad ones by line, in one audit event', async () => {
    const rows = batch(200);
    rows[9] = 'not-an-email,Broken Address'; // line 11
    rows[99] = `${rows[4]!.split(',')[0]},Same Address`; // line 101: duplicate of line 6
    rows[149] = 'taken@import.example,Already Here'; // line 151
    const before = await tableCounts(t.deps);
    const res = await admin.post(url(), { csv: workersCsv(rows), dryRun: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, total: 200, imported: 197 });
    expect(body.refused).toEqual([
      { line: 11, email: 'not-an-email', code: 'invalid_email', reason: 'This is not a valid e-mail address.' },
      { line: 101, email: `w${n}-4@import.example`, code: 'duplicate_in_file', reason: expect.any(String) },
      { line: 151, email: 'taken@import.example', code: 'already_registered', reason: expect.any(String) },
    ]);
    const after = await tableCounts(t.deps);
    const added = (table: string) => after[table]! - before[table]!;
    expect([added('people'), added('invitations'), added('outbox_mail'), added('audit_events')]).toEqual([
      197, 197, 197, 1,
    ]);
    const people = (await peopleOf()).filter((p) => p.email.startsWith(`w${n}-`));
    expect(people).toHaveLength(197);
    expect(people.every((p) => p.status === 'invited' && p.password_hash === null)).toBe(true);
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'workers.imported')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_type: 'coop', subject_id: coop.id, coop_id: coop.id });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ total: 200, imported: 197, refused: 3, role: 'worker' });
    const mail = await t.deps.db
      .selectFrom('outbox_mail')
      .selectAll()
      .where('to_address', '=', `w${n}-0@import.example`)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('You are invited to Tejidos del Sur on Coopnet');
    expect(mail.body_text).toMatch(/http:\/\/coopnet\.test\/invitations\/\S+/);
    expect((await admin.get(`/api/v1/coops/${coop.id}/workers?status=invited&limit=1`)).json().total).toBe(197);
  });

  it('checks everything in a dry run and imports nothing', async () => {
    const rows = [
      ...batch(3),
      'x@import.example,',
      `y@import.example,${'Y'.repeat(121)}`,
      'taken@import.example,Again',
    ];
    const before = await tableCounts(t.deps);
    const res = await admin.post(url(), { csv: workersCsv(rows, '\r\n'), dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, total: 6, imported: 0 });
    expect(res.json().refused.map((r: { line: number; code: string }) => `${r.line}:${r.code}`)).toEqual([
      '5:missing_name',
      '6:name_too_long',
      '7:already_registered',
    ]);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('reads quotes, CRLF, a byte-order mark, blank lines and semicolons', async () => {
    const csv =
      '\uFEFFemail;display_name\r\n"q1@import.example";"Ruiz; Ana"\r\n\r\nq2@import.example;"Bea ""B"" Gil"\r\n';
    const res = await admin.post(url(), { csv, dryRun: false });
    expect(res.json()).toMatchObject({ total: 2, imported: 2, refused: [] });
    const names = (await peopleOf())
      .filter((p) => p.email.startsWith('q'))
      .map((p) => p.display_name)
      .sort();
    expect(names).toEqual(['Bea "B" Gil', 'Ruiz; Ana']);
  });

  it('refuses a file without the header, with an unclosed quote, or with more than 5,000 rows', async () => {
    const before = await tableCounts(t.deps);
    const cases: [string, string][] = [
      ['a@import.example,Ana\n', 'people.csv_header'],
      ['', 'people.csv_header'],
      ['email,display_name\n"a@import.example,Ana\n', 'people.csv_invalid'],
      [workersCsv(batch(5001)), 'people.too_many_rows'],
    ];
    for (const [csv, code] of cases) {
      const res = await admin.post(url(), { csv, dryRun: false });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('refuses bad requests, other co-ops and non-admins, changing nothing', async () => {
    const other = await makeCoop(t.deps);
    const { client: worker } = await actorClient(t.deps, t.app, { coopId: coop.id });
    const csv = workersCsv(batch(1));
    const before = await tableCounts(t.deps);
    for (const body of [
      { csv, dryRun: 'no' },
      { csv: 42 },
      { csv, dryRun: false, coopId: other.id },
      {},
      { csv: 'x'.repeat(2 * 1024 * 1024 + 1) },
      { csv: 'é'.repeat(1024 * 1024 + 1) },
    ]) {
      const res = await admin.post(url(), body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect((await admin.post(`/api/v1/coops/${other.id}/worker-imports`, { csv })).statusCode).toBe(404);
    expect((await worker.post(url(), { csv })).statusCode).toBe(404);
    expect((await new Client(t.app).post(url(), { csv })).statusCode).toBe(401);
    expect(await tableCounts(t.deps)).toEqual(before);
  });

  it('imports 5,000 workers quickly', async () => {
    const started = Date.now();
    const res = await admin.post(url(), { csv: workersCsv(batch(5000)), dryRun: false });
    const ms = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 5000, imported: 5000, refused: [] });
    expect(ms).toBeLessThan(10_000);
  });
});
