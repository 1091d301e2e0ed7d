/** Pledges' references matched by the fund's bank statement import (registered by server/src/wiring.ts). */
import type { PaymentMatcher } from '../fund/index.ts';
import * as repo from './campaigns.repository.ts';
import { payDueIn } from './pledge-books.ts';

export const pledgeMatcher: PaymentMatcher = {
  name: 'pledge',
  async owed(trx) {
    return (await repo.owedDues(trx)).map((d) => ({
      id: d.id,
      reference: d.reference,
      outstandingCents: Number(d.cents),
      name: `a supporter of “${d.title}”`,
    }));
  },
  imported: (trx, prints) => repo.importedLines(trx, prints),
  async book(trx, deps, p) {
    await payDueIn(trx, deps, p.id, {
      cents: p.cents,
      date: p.date,
      actorId: p.actorId,
      key: p.key,
      bankLine: p.print,
    });
  },
};
