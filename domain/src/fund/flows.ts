/**
 * Where the fund's money came from and where it went over a period, per
 * sub-fund, from the sums of the ledger's lines. Every cent a sub-fund had
 * at the start or took in is either in a flow out or still held at the end:
 *
 *   brought forward + what came in = what went out + carried forward
 *
 * Income (contributions, gifts, interest…) and expenses (grants, programme
 * spending, write-offs, reimbursements…) are netted per account: a
 * reversed gift lowers the gifts. Moves between sub-funds are kept gross.
 * Lending moves money from a sub-fund into the lent-out sub-fund ("loans
 * outstanding"): it is shown as lent, and repaid principal as repaid — not
 * as spending or income. The lent-out sub-fund is money in co-ops' hands,
 * not a pot: it is not a node of the picture; what is written off from it
 * is reported beside it.
 */

/** The sum of a period's lines on one account and sub-fund (and, on equity, of one kind of movement). */
export interface FlowRow {
  /** the account's code, its type first: income:gifts, expenses:grants, equity:funds */
  account: string;
  /** '' for lines with no sub-fund (assets, liabilities): they are not part of the flows */
  subFund: string;
  /** on equity lines: what kind of movement they were in (opening balances, lending, anything else) */
  kind: 'opening' | 'lending' | 'other';
  /** sum of the positive (debit) lines */
  debitCents: number;
  /** sum of the negative (credit) lines, as a positive amount */
  creditCents: number;
}

/** Where money came from, besides an income account's code. */
export type FixedSource = 'brought-forward' | 'opening' | 'repaid' | 'moved-in';
/** Where money went, besides an expense account's code. */
export type FixedUse = 'carried-forward' | 'lent' | 'moved-out';

export interface FlowsInput {
  /** the sub-funds of the picture, in the order people read them (the lent-out one left out) */
  subFunds: readonly string[];
  /** the sub-fund lending moves money into */
  lentOut: string;
  /** each sub-fund's balance at the start of the period (credit side: what it holds) */
  broughtForward: ReadonlyMap<string, number>;
  rows: readonly FlowRow[];
}

export interface SourceFlow {
  /** an income account's code, or a FixedSource */
  source: string;
  subFund: string;
  cents: number;
}

export interface UseFlow {
  subFund: string;
  /** an expense account's code, or a FixedUse */
  use: string;
  cents: number;
}

export interface SubFundFlow {
  code: string;
  broughtForwardCents: number;
  /** everything that came in during the period (brought forward not counted) */
  inCents: number;
  /** everything that went out during the period (carried forward not counted) */
  outCents: number;
  carriedForwardCents: number;
}

export interface FundFlows {
  sources: SourceFlow[];
  uses: UseFlow[];
  subFunds: SubFundFlow[];
  /** the lent-out sub-fund over the period */
  lending: { lentCents: number; repaidCents: number; writtenOffCents: number };
}

const typeOf = (account: string) => (account.includes(':') ? account.slice(0, account.indexOf(':')) : '');

/** Adds `cents` to the flow named by `key` (a map keeps one flow per source or use and sub-fund). */
function add(map: Map<string, number>, key: string, cents: number) {
  if (cents !== 0) map.set(key, (map.get(key) ?? 0) + cents);
}

/** Turns a period's sums per account and sub-fund into flows: sources → sub-funds → uses. */
export function fundFlows(input: FlowsInput): FundFlows {
  const shown = new Set(input.subFunds);
  const sources = new Map<string, number>(); // `${subFund}\0${source}`
  const uses = new Map<string, number>(); // `${subFund}\0${use}`
  const lending = { lentCents: 0, repaidCents: 0, writtenOffCents: 0 };
  // Income and expenses are netted per account and sub-fund before their side is known.
  const net = new Map<string, number>(); // `${subFund}\0${account}` → credit-side net
  for (const r of input.rows) {
    const type = typeOf(r.account);
    if (r.subFund === input.lentOut) {
      if (type === 'expenses') lending.writtenOffCents += r.debitCents - r.creditCents;
      continue;
    }
    if (!shown.has(r.subFund)) continue;
    const at = (name: string) => `${r.subFund}\u0000${name}`;
    if (type === 'income' || type === 'expenses') {
      add(net, at(r.account), r.creditCents - r.debitCents);
    } else if (type === 'equity') {
      if (r.kind === 'opening') {
        add(net, at('opening'), r.creditCents - r.debitCents);
      } else if (r.kind === 'lending') {
        add(sources, at('repaid'), r.creditCents);
        add(uses, at('lent'), r.debitCents);
        lending.repaidCents += r.creditCents;
        lending.lentCents += r.debitCents;
      } else {
        add(sources, at('moved-in'), r.creditCents);
        add(uses, at('moved-out'), r.debitCents);
      }
    }
  }
  // A net credit came in; a net debit went out (a refund of income is money out; a returned grant, money in).
  for (const [k, cents] of net) {
    if (cents > 0) add(sources, k, cents);
    else add(uses, k, -cents);
  }
  const subFunds = input.subFunds.map((code): SubFundFlow => {
    const broughtForwardCents = input.broughtForward.get(code) ?? 0;
    const sum = (m: Map<string, number>) =>
      [...m].filter(([k]) => k.startsWith(`${code}\u0000`)).reduce((s, [, c]) => s + c, 0);
    const inCents = sum(sources);
    const outCents = sum(uses);
    return {
      code,
      broughtForwardCents,
      inCents,
      outCents,
      carriedForwardCents: broughtForwardCents + inCents - outCents,
    };
  });
  const split = (k: string) => k.split('\u0000') as [string, string];
  return {
    sources: [
      ...subFunds
        .filter((f) => f.broughtForwardCents !== 0)
        .map((f) => ({ source: 'brought-forward', subFund: f.code, cents: f.broughtForwardCents })),
      ...[...sources].map(([k, cents]) => {
        const [subFund, source] = split(k);
        return { source, subFund, cents };
      }),
    ],
    uses: [
      ...[...uses].map(([k, cents]) => {
        const [subFund, use] = split(k);
        return { subFund, use, cents };
      }),
      ...subFunds
        .filter((f) => f.carriedForwardCents !== 0)
        .map((f) => ({ subFund: f.code, use: 'carried-forward', cents: f.carriedForwardCents })),
    ],
    subFunds,
    lending,
  };
}

/** A sub-fund's budget for a year against what it actually spent and took in. */
export interface BudgetLine {
  spendCents: number | null;
  receiveCents: number | null;
  spentCents: number;
  receivedCents: number;
  /** budget − spent: what is left to spend (negative: spent beyond the budget); null without a budget */
  leftCents: number | null;
  /** spent as a share of the budget, 0–100 and more; null without a budget or with a budget of 0 */
  spentPercent: number | null;
}

/** What a sub-fund spent (its expenses, net) and took in (its income, net) in the flows of a period. */
export function actualOf(flows: FundFlows, subFund: string): { spentCents: number; receivedCents: number } {
  const netOf = (type: string) =>
    flows.sources
      .filter((s) => s.subFund === subFund && typeOf(s.source) === type)
      .reduce((sum, s) => sum + s.cents, 0) -
    flows.uses.filter((u) => u.subFund === subFund && typeOf(u.use) === type).reduce((sum, u) => sum + u.cents, 0);
  return { spentCents: 0 - netOf('expenses'), receivedCents: netOf('income') };
}

export function budgetLine(
  budget: { spendCents: number; receiveCents: number | null } | null,
  actual: { spentCents: number; receivedCents: number },
): BudgetLine {
  return {
    spendCents: budget?.spendCents ?? null,
    receiveCents: budget?.receiveCents ?? null,
    ...actual,
    leftCents: budget ? budget.spendCents - actual.spentCents : null,
    spentPercent: budget && budget.spendCents > 0 ? Math.round((actual.spentCents / budget.spendCents) * 100) : null,
  };
}
