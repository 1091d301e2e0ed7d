import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlt, type BltElection } from './blt.ts';
import { formatUnits } from './numbers.ts';
import { countStvScottish, type StvScottishResult } from './stv-scottish.ts';
import { expandWeights, identityLot, profiles, shuffled } from './test-support.ts';
import { VotingInputError } from './types.ts';

function load(name: string): BltElection {
  const p = parseBlt(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8'));
  if (!p.ok) throw new Error(p.error.message);
  return p.election;
}

function count(e: BltElection, lot = identityLot(e.candidates.length)): StvScottishResult {
  return countStvScottish({
    candidates: e.candidates,
    ballots: e.ballots,
    seats: e.seats,
    lot,
    withdrawn: e.withdrawn,
  });
}

const names = (r: StvScottishResult) => r.elected.map((x) => r.candidates[x.candidate]);
const figures = (r: StvScottishResult) =>
  r.stages.map((s) => [
    ...s.votes.map((v) => formatUnits(v, r.unit)),
    formatUnits(s.nonTransferable.exhausted, r.unit),
  ]);

/**
 * Stage figures of Droop (github.com/jklundell/droop, test/ref/dump/scotland),
 * an independent implementation of these rules: each candidate's votes, then
 * the non-transferable papers (Droop does not include truncation loss there).
 */
const DROOP_LINN = [
  '898 1284 1782 219 165 1381 2043 955 296 149 395 0',
  '905.13482 1302.942 1789.19796 224.61946 166.83106 1389.27134 1914 961.44028 310.77476 156.82936 409.77476 36.17922',
  '906.45052 1311.32084 1798.70308 229.80888 170.02048 1395.65018 1914 970.56656 328.785 0 469.48978 72.1997',
  '961.76622 1318.44712 1807.82936 239.06144 0 1417.8396 1914 980.69284 338.97442 0 478.6792 109.70482',
  '991.39762 1350.2048 1826.01878 0 0 1433.90274 1914 990.00854 359.3635 0 498.3106 203.78844',
  '1005.34472 1458.48808 1849.71332 0 0 1459.28158 1914 1001.51366 0 0 547.47784 331.17582',
  '1015.91298 1532.33962 1896.91298 0 0 1514.35496 1914 1078.471 0 0 0 615.00348',
  '0 1866.00174 1947.35496 0 0 1530.60752 1914 1105.84984 0 0 0 1203.18096',
  '0 1868.39022 1914 0 0 1547.18432 1914 1111.65708 0 0 0 1211.747',
  '0 2008.75096 1914 0 0 2174.90506 1914 0 0 0 0 1555.3226',
];
const DROOP_DRUMCHAPEL = [
  '2284 260 148 1102 177 1869 349 412 223 1856 0',
  '1737 283.23053 175.06237 1374.77911 184.1847 1869 364.56685 419.66368 243.59614 1856 172.91178',
  '1737 300.67367 186.92653 1385.01901 188.28066 1737 379.96201 425.737 259.90936 1856 223.4757',
  '1737 305.09726 191.41423 1445.34652 190.13985 1737 385.28314 428.55784 263.62774 1737 259.50552',
  '1737 319.17117 197.86887 1455.71518 0 1737 400.61766 517.95996 267.07909 1737 310.56017',
  '1737 361.95837 0 1476.0221 0 1737 415.48161 520.72142 321.65375 1737 373.13485',
  '1737 428.04551 0 1524.8754 0 1737 454.82112 535.08591 0 1737 526.14416',
  '1737 0 0 1589.53779 0 1737 592.32585 558.44559 0 1737 728.66287',
  '1737 0 0 1640.21076 0 1737 755.13556 0 0 1737 1073.62578',
  '1737 0 0 1836.04397 0 1737 0 0 0 1737 1632.92813',
];
const asFixed = (row: string) => row.split(' ').map((v) => Number(v).toFixed(5));

describe('Scottish STV on published elections', () => {
  it('Glasgow 2007, Linn ward: quota 1,914; elects Ritchie, Docherty, McKenzie, Clark', () => {
    const r = count(load('glasgow-2007-linn.blt'));
    expect(r.validVotes).toBe(9567);
    expect(r.quotaVotes).toBe(1914);
    expect(new Set(names(r))).toEqual(new Set(['David Ritchie', 'Sadie Docherty', 'John McKenzie', 'Margot Clark']));
    expect(r.elected).toHaveLength(4);
    expect(r.tieBreaks).toEqual([]);
  });

  it('Linn: every stage matches an independent count (Droop) to the last 1/100000', () => {
    const r = count(load('glasgow-2007-linn.blt'));
    expect(figures(r)).toEqual(DROOP_LINN.map(asFixed));
    const s2 = r.stages[1]!;
    expect(s2.action).toMatchObject({
      kind: 'surplus',
      candidate: 6,
      surplus: 12_900_000,
      votesCredited: 204_300_000,
      transferValue: 6314,
    });
    // 2,043 papers at 0.06314 pass on 128.99502 votes; 0.00498 is lost to truncation
    expect(s2.nonTransferable.lostToTruncation).toBe(498);
    expect(r.stages.map((s) => s.action.kind)).toEqual([
      'first_preferences',
      'surplus',
      'exclusion',
      'exclusion',
      'exclusion',
      'exclusion',
      'exclusion',
      'exclusion',
      'surplus',
      'exclusion',
    ]);
  });

  it('Glasgow 2007, Drumchapel/Anniesland: elects Carey, Kidd, Purcell, Findlay, matching Droop stage by stage', () => {
    const r = count(load('glasgow-2007-drumchapel-anniesland.blt'));
    expect(r.quotaVotes).toBe(1737);
    expect(names(r)).toEqual(['Paul Carey', 'Bill Kidd', 'Steven Purcell', 'Jonathan Findlay']);
    expect(figures(r)).toEqual(DROOP_DRUMCHAPEL.map(asFixed));
    // three surpluses at stage 1, transferred largest first (rule 49)
    expect(r.stages.slice(1, 4).map((s) => (s.action.kind === 'surplus' ? s.action.candidate : -1))).toEqual([0, 5, 9]);
  });

  it('conserves every vote at every stage of the real counts', () => {
    for (const f of ['glasgow-2007-linn.blt', 'glasgow-2007-drumchapel-anniesland.blt']) {
      const r = count(load(f));
      for (const s of r.stages) {
        expect(
          s.votes.reduce((a, b) => a + b, 0) + s.nonTransferable.exhausted + s.nonTransferable.lostToTruncation,
        ).toBe(r.validVotes * r.unit);
      }
    }
  });
});

describe('Scottish STV rules in detail', () => {
  const blt = (text: string) => {
    const p = parseBlt(text);
    if (!p.ok) throw new Error(p.error.message);
    return p.election;
  };

  it('breaks an exclusion tie by the most recent earlier stage where the candidates differed (rule 51)', () => {
    // Droop's weak-defeat test: after A is excluded, B and C have 3 each; at stage 1 B had 2, C 3.
    const e = blt('5 2\n1 1 2 0\n2 2 0\n3 3 0\n4 4 0\n5 5 0\n0\n"A"\n"B"\n"C"\n"D"\n"E"\n"weak defeat"\n');
    const r = count(e, [1, 2, 0, 3, 4]);
    expect(r.excluded).toEqual([0, 1, 2]);
    expect(r.tieBreaks).toEqual([
      expect.objectContaining({
        purpose: 'exclusion',
        method: 'earlier_stage',
        decidedAtStage: 1,
        tied: [1, 2],
        chosen: [1],
      }),
    ]);
    expect(names(r)).toEqual(['E', 'D']);
    expect(r.elected.every((x) => x.by === 'last_vacancies')).toBe(true);
  });

  it('breaks a tie equal at every stage by the lot, and publishes it', () => {
    // Droop's weak-surplus test: E and F are equal throughout; the lot decides who goes.
    const e = blt(
      '6 4\n10 1 3 0\n8 2 0\n6 3 0\n5 4 0\n3 5 4 0\n3 6 4 0\n0\n"A"\n"B"\n"C"\n"D"\n"E"\n"F"\n"weak surplus"\n',
    );
    for (const [lot, out] of [
      [[0, 1, 2, 3, 4, 5], 5],
      [[0, 1, 2, 3, 5, 4], 4],
    ] as const) {
      const r = count(e, [...lot]);
      expect(names(r)).toEqual(['A', 'B', 'C', 'D']);
      expect(r.excluded).toEqual([out]);
      expect(r.tieBreaks).toEqual([expect.objectContaining({ method: 'lot', tied: [4, 5], chosen: [out] })]);
    }
  });

  it('transfers equal surpluses by the earlier stages, then by lot (rule 49)', () => {
    // Quota 5. A (10) and B (6) are elected at stage 1; A's surplus (the larger) makes C 6.
    // B and C then have equal surpluses; at stage 1 B had more, so B's goes first.
    const e = blt('5 4\n10 1 3 0\n6 2 4 0\n1 3 0\n2 4 0\n3 5 0\n0\n"A"\n"B"\n"C"\n"D"\n"E"\n"t"\n');
    const r = count(e);
    expect(r.quotaVotes).toBe(5);
    const surplusOf = r.stages.map((s) => (s.action.kind === 'surplus' ? s.action.candidate : null));
    expect(surplusOf.slice(1, 4)).toEqual([0, 1, 2]);
    expect(r.tieBreaks).toEqual([
      expect.objectContaining({
        purpose: 'surplus_order',
        method: 'earlier_stage',
        stage: 2,
        decidedAtStage: 1,
        tied: [1, 2],
        chosen: [1],
      }),
    ]);
    expect(r.stages[1]!.action).toMatchObject({ transferValue: 50_000 });
    // B's surplus of 1 over 6 papers: 0.16666 each, 0.00004 lost to truncation
    expect(r.stages[2]!.action).toMatchObject({ transferValue: 16_666 });
    expect(r.stages[2]!.nonTransferable.lostToTruncation).toBe(4);
    // C's papers arrived at two values: full (1) and 0.5 from A
    expect(r.stages[3]!.action).toMatchObject({
      values: [
        { valueReceived: 100_000, transferValue: 16_666, papers: 1 },
        { valueReceived: 50_000, transferValue: 8_333, papers: 10 },
      ],
    });
    expect(names(r)).toEqual(['A', 'B', 'C', 'E']);

    const eq = blt('4 3\n5 1 3 0\n5 2 3 0\n1 3 0\n1 4 0\n0\n"A"\n"B"\n"C"\n"D"\n"t"\n');
    for (const [lot, first] of [
      [[1, 0, 2, 3], 1],
      [[0, 1, 2, 3], 0],
    ] as const) {
      const byLot = count(eq, [...lot]);
      expect(byLot.stages[1]!.action).toMatchObject({ kind: 'surplus', candidate: first });
      expect(byLot.tieBreaks[0]).toMatchObject({ purpose: 'surplus_order', method: 'lot', chosen: [first] });
    }
  });

  it('elects the remaining candidates when they are as many as the vacancies (rule 52), with no further transfer', () => {
    const e = blt('3 2\n4 1 0\n3 2 0\n2 3 0\n0\n"A"\n"B"\n"C"\n"t"\n');
    const r = count(e);
    expect(r.quotaVotes).toBe(4);
    expect(r.elected).toEqual([
      { candidate: 0, stage: 1, by: 'quota' },
      { candidate: 1, stage: 2, by: 'last_vacancies' },
    ]);
    expect(r.excluded).toEqual([2]);
  });

  it('skips withdrawn candidates and keeps blank ballots out of the quota', () => {
    const e = blt('3 1\n-2\n3 2 1 0\n2 3 0\n1 2 0\n0\n"A"\n"B"\n"C"\n"t"\n');
    const r = count(e);
    expect(r.withdrawn).toEqual([1]);
    expect(r.validVotes).toBe(5);
    expect(r.emptyVotes).toBe(1);
    expect(r.quotaVotes).toBe(3);
    expect(names(r)).toEqual(['A']);
  });

  it('refuses bad input with coded errors', () => {
    const base = { candidates: ['A', 'B'], ballots: [{ prefs: [0] }], lot: [0, 1] };
    expect(() => countStvScottish({ ...base, seats: 0 })).toThrow(VotingInputError);
    expect(() => countStvScottish({ ...base, seats: 1, lot: [0] })).toThrow(/lot/);
    expect(() => countStvScottish({ ...base, seats: 1, ballots: [{ prefs: [0, 0] }] })).toThrow(/more than once/);
  });

  it('reports an election with no valid votes without electing anyone', () => {
    const r = countStvScottish({ candidates: ['A', 'B'], ballots: [{ prefs: [] }], seats: 1, lot: [0, 1] });
    expect(r.outcome).toBe('no_valid_votes');
    expect(r.elected).toEqual([]);
  });
});

describe('Scottish STV properties', () => {
  const run = (
    p: { candidates: string[]; ballots: { prefs: readonly number[]; weight?: number }[]; lot: number[] },
    seats: number,
  ) => countStvScottish({ ...p, seats });

  it('conserves the total exactly at every stage: candidates + non-transferable = valid votes', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 40 }), fc.integer({ min: 1, max: 4 }), (p, seats) => {
        const r = run(p, seats);
        for (const s of r.stages) {
          const sum = s.votes.reduce((a, b) => a + b, 0) + s.nonTransferable.total;
          expect(sum).toBe(r.validVotes * r.unit);
          expect(s.nonTransferable.total).toBe(s.nonTransferable.exhausted + s.nonTransferable.lostToTruncation);
          expect(s.change.reduce((a, b) => a + b, 0) + s.nonTransferableChange).toBe(
            s.stage === 1 ? r.validVotes * r.unit : 0,
          );
        }
        expect(r.elected.length).toBe(r.outcome === 'complete' ? Math.min(seats, p.candidates.length) : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never depends on the order of the ballots', () => {
    fc.assert(
      fc.property(
        profiles({ maxBallots: 40 }),
        fc.integer({ min: 1, max: 3 }),
        fc.uint8Array({ minLength: 1, maxLength: 4 }),
        (p, seats, seed) => {
          expect(run({ ...p, ballots: shuffled(p.ballots, seed) }, seats)).toEqual(run(p, seats));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('treats a ballot of weight w exactly as w identical ballots', () => {
    fc.assert(
      fc.property(profiles({ maxBallots: 20 }), fc.integer({ min: 1, max: 3 }), (p, seats) => {
        const a = run(p, seats);
        const b = run({ ...p, ballots: expandWeights(p.ballots) }, seats);
        expect(b.stages).toEqual(a.stages);
        expect(b.elected).toEqual(a.elected);
      }),
      { numRuns: 150 },
    );
  });
});
