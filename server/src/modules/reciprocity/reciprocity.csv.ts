/**
 * The month's accounts as CSV (RFC 4180): first one row per giver/receiver
 * pair, then, after an empty line, one row per co-op's position. Amounts are
 * written twice: as a decimal with two places for people, and in cents for
 * programs. Starts with a byte-order mark so spreadsheets read the co-ops'
 * accented names as UTF-8.
 */
import type { Matrix } from '@coopnet/contract/reciprocity';
import { centsToDecimal } from '@coopnet/domain';
import { asText, csvLine } from '../../platform/csv.ts';

export const SUPPORTERS = 'Supporters';

export { asText, csvField } from '../../platform/csv.ts';

const line = csvLine;

export function matrixCsv(m: Matrix): string {
  const name = new Map(m.coops.map((c) => [c.id, c.name]));
  const lines = [line(['month', 'giver_id', 'giver', 'receiver_id', 'receiver', 'count', 'amount', 'amount_cents'])];
  for (const c of m.cells) {
    lines.push(
      line([
        m.month,
        c.giverCoopId,
        asText(name.get(c.giverCoopId) ?? c.giverCoopId),
        c.receiverCoopId ?? '',
        c.receiverCoopId ? asText(name.get(c.receiverCoopId) ?? c.receiverCoopId) : SUPPORTERS,
        c.count,
        centsToDecimal(c.cents),
        c.cents,
      ]),
    );
  }
  lines.push('');
  lines.push(line(['month', 'coop_id', 'coop', 'given_count', 'given', 'given_cents', 'received_count', 'received', 'received_cents', 'net', 'net_cents']));
  for (const p of m.positions) {
    lines.push(
      line([m.month, p.coopId, asText(p.coopName), p.givenCount, centsToDecimal(p.givenCents), p.givenCents, p.receivedCount, centsToDecimal(p.receivedCents), p.receivedCents, centsToDecimal(p.netCents), p.netCents]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
