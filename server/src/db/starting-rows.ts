/**
 * The rows every start makes (`serve`, `migrate`) besides governance's:
 * the network's settings row, the starting sectors, and the fund's chart
 * and books. A database holding only these is empty enough to restore into.
 */
import { STARTING_SECTORS } from './migrations/0010-sectors.ts';
import { STARTING_LEDGER } from './migrations/0011-fund-ledger.ts';
import { ADDED_ACCOUNTS } from './migrations/0015-settlements-ledger.ts';

export const STARTING_ROWS: Readonly<Record<string, number>> = {
  network: 1,
  sectors: STARTING_SECTORS,
  ...STARTING_LEDGER,
  ledger_accounts: STARTING_LEDGER.ledger_accounts + ADDED_ACCOUNTS,
};
