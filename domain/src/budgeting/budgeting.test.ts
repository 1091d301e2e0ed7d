import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationProblems, countRound, memberShare, proposalProblems, roundPhase, roundProblems } from './index.ts';

describe("a member's share", () => {
  it('is the round divided by the members, rounded down to the cent', () => {
    expect(memberShare(1_000_000, 200)).toBe(5_000);
    expect(memberShare(1_000_001, 200)).toBe(5_000); // the odd cent stays in the sub-fund
    expect(memberShare(199, 200)).toBe(0);
    expect(memberShare(1_000, 0)).toBe(0);
  });
  it('never hands out more than the round', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 100_000 }), (amount, n) => {
      const share = memberShare(amount, n);
      expect(share * n).toBeLessThanOrEqual(amount);
      expect(amount - share * n).toBeLessThan(n);
    }));
  });
});

describe("a member's allocation", () => {
  const ids = new Set(['a', 'b']);
  it('is allowed within the share and the cap', () => {
    expect(allocationProblems([{ projectId: 'a', cents: 3_000 }, { projectId: 'b', cents: 2_000 }], ids, 5_000, 3_000)).toEqual([]);
  });
  it('is refused over the cap, over the share, twice on a project, or on another round\'s project', () => {
    const rules = (lines: { projectId: string; cents: number }[]) => allocationProblems(lines, ids, 5_000, 3_000).map((p) => p.rule);
    expect(rules([{ projectId: 'a', cents: 3_001 }])).toEqual(['over-cap']);
    expect(rules([{ projectId: 'a', cents: 3_000 }, { projectId: 'b', cents: 2_001 }])).toEqual(['over-share']);
    expect(rules([{ projectId: 'a', cents: 1 }, { projectId: 'a', cents: 1 }])).toEqual(['twice']);
    expect(rules([{ projectId: 'z', cents: 1 }])).toEqual(['not-a-project']);
    expect(rules([{ projectId: 'a', cents: 1.5 }])).toEqual(['not-whole-cents']);
    expect(rules([{ projectId: 'a', cents: -1 }])).toEqual(['not-whole-cents']);
  });
});

describe('counting a round', () => {
  const projects = [
    { id: 'garden', minimum: 10_000, maximum: 20_000 },
    { id: 'library', minimum: 5_000, maximum: 50_000 },
    { id: 'kiln', minimum: 30_000, maximum: 40_000 },
  ];
  it('funds a project that reaches its minimum up to its maximum; the rest is not spent', () => {
    const r = countRound(100_000, projects, [
      { projectId: 'garden', cents: 25_000 },
      { projectId: 'library', cents: 5_000 },
      { projectId: 'kiln', cents: 29_999 },
    ]);
    expect(r.projects).toEqual([
      { id: 'garden', total: 25_000, funded: true, granted: 20_000 },
      { id: 'library', total: 5_000, funded: true, granted: 5_000 },
      { id: 'kiln', total: 29_999, funded: false, granted: 0 },
    ]);
    expect(r.granted).toBe(25_000);
    expect(r.unspent).toBe(75_000);
  });
  it('funds nothing when nobody allocated', () => {
    expect(countRound(100_000, projects, []).granted).toBe(0);
  });

  const scenario = fc
    .record({
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      projects: fc.uniqueArray(
        fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), minimum: fc.integer({ min: 1, max: 1_000_000 }), extra: fc.integer({ min: 0, max: 1_000_000 }) }),
        { selector: (p) => p.id, maxLength: 12 },
      ),
    })
    .chain(({ amount, projects }) =>
      fc.record({
        amount: fc.constant(amount),
        projects: fc.constant(projects.map((p) => ({ id: p.id, minimum: p.minimum, maximum: p.minimum + p.extra }))),
        allocations: fc.array(
          fc.record({ projectId: projects.length ? fc.constantFrom(...projects.map((p) => p.id)) : fc.constant('none'), cents: fc.integer({ min: 0, max: 2_000_000 }) }),
          { maxLength: 60 },
        ),
      }),
    );

  it('never grants more than the round, nor over a maximum, nor under a minimum, and is a recount of the allocations', () => {
    fc.assert(fc.property(scenario, ({ amount, projects, allocations }) => {
      const r = countRound(amount, projects, allocations);
      expect(r.granted).toBeLessThanOrEqual(amount);
      expect(r.granted + r.unspent).toBe(amount);
      for (const p of projects) {
        const res = r.projects.find((x) => x.id === p.id)!;
        const total = allocations.filter((a) => a.projectId === p.id).reduce((s, a) => s + a.cents, 0);
        expect(res.total).toBe(total);
        expect(res.granted).toBeLessThanOrEqual(Math.min(total, p.maximum));
        if (res.funded) expect(res.granted).toBeGreaterThanOrEqual(p.minimum);
        else expect(res.granted).toBe(0);
        if (total < p.minimum) expect(res.funded).toBe(false);
      }
    }));
  });

  it('grants exactly min(total, maximum) to each project reaching its minimum when the allocations fit the round', () => {
    fc.assert(fc.property(scenario, ({ amount, projects, allocations }) => {
      const sum = allocations.reduce((s, a) => s + a.cents, 0);
      fc.pre(sum <= amount);
      const r = countRound(amount, projects, allocations);
      for (const res of r.projects) {
        const p = projects.find((x) => x.id === res.id)!;
        expect(res.granted).toBe(res.total >= p.minimum ? Math.min(res.total, p.maximum) : 0);
      }
    }));
  });

  it('does not depend on the order of the allocations', () => {
    fc.assert(fc.property(scenario, ({ amount, projects, allocations }) => {
      expect(countRound(amount, projects, [...allocations].reverse())).toEqual(countRound(amount, projects, allocations));
    }));
  });
});

describe('a round and its projects', () => {
  const plan = { amount: 100_000, capPerProject: 2_000, proposalsFrom: '2026-01-01', proposalsUntil: '2026-01-31', allocationFrom: '2026-02-01', allocationUntil: '2026-02-14' };
  it('is opened only within the programmes sub-fund and with periods in order', () => {
    expect(roundProblems(plan, 100_000)).toEqual([]);
    expect(roundProblems(plan, 99_999)).toEqual(['over-sub-fund']);
    expect(roundProblems({ ...plan, allocationFrom: '2026-01-31' }, 100_000)).toEqual(['allocation-before-proposals-end']);
    expect(roundProblems({ ...plan, amount: 0, capPerProject: 0 }, 100_000)).toEqual(['amount-not-positive', 'cap-not-positive']);
  });
  it('moves through proposals, allocation and its close', () => {
    expect(roundPhase(plan, '2025-12-31', false)).toBe('before');
    expect(roundPhase(plan, '2026-01-31', false)).toBe('proposals');
    expect(roundPhase(plan, '2026-02-14', false)).toBe('allocation');
    expect(roundPhase(plan, '2026-02-15', false)).toBe('due');
    expect(roundPhase(plan, '2026-02-01', true)).toBe('closed');
  });
  it('takes projects asking for a minimum up to a maximum within the round', () => {
    expect(proposalProblems(1_000, 5_000, 100_000)).toEqual([]);
    expect(proposalProblems(0, 5_000, 100_000)).toEqual(['minimum-not-positive']);
    expect(proposalProblems(5_000, 4_999, 100_000)).toEqual(['maximum-below-minimum']);
    expect(proposalProblems(5_000, 100_001, 100_000)).toEqual(['maximum-over-round']);
  });
});
