import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlt, writeBlt, type BltElection } from './blt.ts';

const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

describe('BLT', () => {
  it('reads the example of Algorithm 123, with a withdrawn candidate', () => {
    const p = parseBlt(
      '4 2\n-2\n3 1 3 4 0\n4 1 3 2 0\n2 4 1 3 0\n1 2 0\n2 2 4 3 1 0\n1 3 4 2 0\n0\n"Adam"\n"Basil"\n"Charlotte"\n"Donald"\n"Title"\n',
    );
    expect(p).toEqual({
      ok: true,
      election: {
        title: 'Title',
        candidates: ['Adam', 'Basil', 'Charlotte', 'Donald'],
        seats: 2,
        withdrawn: [1],
        ballots: [
          { weight: 3, prefs: [0, 2, 3] },
          { weight: 4, prefs: [0, 2, 1] },
          { weight: 2, prefs: [3, 0, 2] },
          { weight: 1, prefs: [1] },
          { weight: 2, prefs: [1, 3, 2, 0] },
          { weight: 1, prefs: [2, 3, 1] },
        ],
        extras: [],
      },
    });
  });

  it('round-trips the published Glasgow files byte for byte', () => {
    for (const f of ['glasgow-2007-linn.blt', 'glasgow-2007-drumchapel-anniesland.blt']) {
      const text = read(f);
      const p = parseBlt(text);
      expect(p.ok).toBe(true);
      if (p.ok) expect(writeBlt(p.election)).toBe(text);
    }
  });

  it('accepts comments, ballot ids, free line breaks and extra strings', () => {
    const p = parseBlt(
      '# a comment\n2 1 /* block\ncomment */ (b1) 2 1\n2 0 (b2) 1 2 0 0 "A \\"Al\\" B" "Bo"\n"T" "source" "note"',
    );
    expect(p.ok && p.election).toMatchObject({
      candidates: ['A "Al" B', 'Bo'],
      ballots: [
        { weight: 2, prefs: [0, 1] },
        { weight: 1, prefs: [1] },
      ],
      title: 'T',
      extras: ['source', 'note'],
    });
  });

  it('refuses bad files with a code and a line', () => {
    const code = (text: string) => {
      const p = parseBlt(text);
      return p.ok ? 'ok' : `${p.error.code}@${String(p.error.details.line)}`;
    };
    expect(code('2 1\n1 3 0\n0\n"A"\n"B"\n"T"')).toBe('blt.unknown_candidate@2');
    expect(code('2 1\n1 1 1 0\n0\n"A"\n"B"\n"T"')).toBe('blt.duplicate_preference@2');
    expect(code('2 1\n1 1=2 0\n0\n"A"\n"B"\n"T"')).toBe('blt.equal_ranking_unsupported@2');
    expect(code('2 1\n1 1 - 2 0\n0\n"A"\n"B"\n"T"')).toBe('blt.skipped_ranking_unsupported@2');
    expect(code('2 1\n1.5 1 0\n0\n"A"\n"B"\n"T"')).toBe('blt.invalid_weight@2');
    expect(code('2 1\n1 1 0\n0\n"A"')).toBe('blt.truncated@4');
    expect(code('2 1\n1 1 0\n"A"\n"B"\n"T"')).toBe('blt.syntax@3');
    expect(code('2 1\n-3\n0\n"A"\n"B"\n"T"')).toBe('blt.unknown_candidate@2');
    expect(code('2 0\n0\n"A"\n"B"\n"T"')).toBe('blt.invalid_header@1');
    expect(code('2 1\n0\n"A\n')).toBe('blt.syntax@3');
  });

  it('writes what it reads, for any election (property)', () => {
    const elections: fc.Arbitrary<BltElection> = fc.integer({ min: 1, max: 6 }).chain((n) => {
      const all = Array.from({ length: n }, (_, i) => i);
      return fc.record({
        title: fc.string(),
        candidates: fc.array(fc.string(), { minLength: n, maxLength: n }),
        seats: fc.integer({ min: 1, max: 5 }),
        withdrawn: fc.shuffledSubarray(all),
        ballots: fc.array(fc.record({ weight: fc.integer({ min: 1, max: 1000 }), prefs: fc.shuffledSubarray(all) })),
        extras: fc.array(fc.string(), { maxLength: 2 }),
      });
    });
    fc.assert(
      fc.property(elections, (e) => {
        expect(parseBlt(writeBlt(e))).toEqual({ ok: true, election: e });
      }),
    );
  });
});
