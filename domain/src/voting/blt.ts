/**
 * The BLT ballot file format (Hill, Wichmann & Woodall, "Algorithm 123",
 * 1987), used by most STV software and by published election data:
 *
 *     4 2            candidates, seats
 *     -2             optional: withdrawn candidates, each with a minus sign
 *     3 1 3 4 0      weight, then preferences (1-based), ending in 0
 *     1 2 0
 *     0              end of ballots
 *     "Adam"         one quoted name per candidate
 *     "Basil"
 *     "Charlotte"
 *     "Donald"
 *     "Title"        the election's title
 *
 * Newlines are ordinary white space, as in the original definition. Also
 * accepted: `#` comments to the end of the line and C-style block comments,
 * OpenSTV ballot ids `(id)` before the weight (read and dropped), and extra
 * quoted strings after the title (kept in `extras`, e.g. Wichmann's source and
 * comment). Refused with a clear code: equal rankings (`=`), skipped rankings
 * (`-` in a ballot), weights that are not whole numbers. Inside quotes, `\"`
 * and `\\` stand for `"` and `\`.
 *
 * `writeBlt` writes the canonical form (one ballot a line, as above); for any
 * election `e`, `parseBlt(writeBlt(e))` gives back `e`.
 */
import { isSafeWhole } from './numbers.ts';
import type { RankedBallot, VotingError } from './types.ts';

export interface BltElection {
  readonly title: string;
  /** Candidate names, in BLT order (index 0 is candidate 1 in the file). */
  readonly candidates: readonly string[];
  readonly seats: number;
  /** Withdrawn candidates (0-based), in the order listed. */
  readonly withdrawn: readonly number[];
  /** Ballots with 0-based preferences and an explicit weight. */
  readonly ballots: readonly (RankedBallot & { readonly weight: number })[];
  /** Quoted strings after the title (source, comment …), if any. */
  readonly extras: readonly string[];
}

export type BltParse =
  { readonly ok: true; readonly election: BltElection } | { readonly ok: false; readonly error: VotingError };

type Token =
  | { kind: 'int'; value: number; text: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'id'; value: string; line: number }
  | { kind: 'other'; text: string; line: number };

class BltError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const len = text.length;
  while (i < len) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
    } else if (ch === '#') {
      while (i < len && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new BltError('blt.syntax', 'unterminated comment', line);
      for (let k = i; k < end; k++) if (text[k] === '\n') line++;
      i = end + 2;
    } else if (ch === '"') {
      const start = line;
      let s = '';
      i++;
      for (;;) {
        if (i >= len) throw new BltError('blt.syntax', 'unterminated quoted string', start);
        const c = text[i]!;
        if (c === '"') {
          i++;
          break;
        }
        if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          s += text[i + 1];
          i += 2;
          continue;
        }
        if (c === '\n') line++;
        s += c;
        i++;
      }
      tokens.push({ kind: 'string', value: s, line: start });
    } else if (ch === '(') {
      const end = text.indexOf(')', i);
      if (end < 0) throw new BltError('blt.syntax', 'unterminated ballot id', line);
      tokens.push({ kind: 'id', value: text.slice(i + 1, end), line });
      i = end + 1;
    } else {
      let j = i;
      while (j < len && !/[\s"#(]/.test(text[j]!) && !(text[j] === '/' && text[j + 1] === '*')) j++;
      const word = text.slice(i, j);
      if (/^-?\d+$/.test(word)) tokens.push({ kind: 'int', value: Number(word), text: word, line });
      else tokens.push({ kind: 'other', text: word, line });
      i = j;
    }
  }
  return tokens;
}

/** Reads a BLT file. Never throws: a bad file gives `{ ok: false, error }` with a `blt.*` code and the line. */
export function parseBlt(text: string): BltParse {
  try {
    return { ok: true, election: parseTokens(tokenize(text)) };
  } catch (e) {
    if (e instanceof BltError)
      return { ok: false, error: { code: e.code, message: `line ${e.line}: ${e.message}`, details: { line: e.line } } };
    throw e;
  }
}

function parseTokens(tokens: Token[]): BltElection {
  let k = 0;
  const lastLine = tokens.length ? tokens[tokens.length - 1]!.line : 1;
  const peek = () => tokens[k];
  const int = (what: string): number => {
    const t = tokens[k];
    if (!t) throw new BltError('blt.truncated', `the file ends where ${what} was expected`, lastLine);
    if (t.kind !== 'int' || !isSafeWhole(t.value)) {
      const shown =
        t.kind === 'string' ? `"${t.value}"` : t.kind === 'id' ? `(${t.value})` : t.kind === 'int' ? t.text : t.text;
      const code =
        t.kind === 'other' && t.text.includes('=')
          ? 'blt.equal_ranking_unsupported'
          : t.kind === 'other' && t.text === '-'
            ? 'blt.skipped_ranking_unsupported'
            : t.kind === 'other' && /^-?\d*\.\d*$/.test(t.text)
              ? 'blt.invalid_weight'
              : 'blt.syntax';
      throw new BltError(code, `expected ${what}, found ${shown}`, t.line);
    }
    k++;
    return t.value;
  };
  const nCand = int('the number of candidates');
  const seats = int('the number of seats');
  if (nCand < 1) throw new BltError('blt.invalid_header', 'there must be at least one candidate', tokens[0]!.line);
  if (seats < 1) throw new BltError('blt.invalid_header', 'there must be at least one seat', tokens[1]!.line);
  const withdrawn: number[] = [];
  while (peek()?.kind === 'int' && (peek() as { value: number }).value < 0) {
    const t = peek() as { value: number; line: number };
    const c = -t.value;
    if (c > nCand)
      throw new BltError(
        'blt.unknown_candidate',
        `withdrawn candidate ${c} is not one of the ${nCand} candidates`,
        t.line,
      );
    if (withdrawn.includes(c - 1))
      throw new BltError('blt.duplicate_withdrawn', `candidate ${c} is withdrawn twice`, t.line);
    withdrawn.push(c - 1);
    k++;
  }
  const ballots: (RankedBallot & { weight: number })[] = [];
  for (;;) {
    if (peek()?.kind === 'id') k++;
    const wt = peek();
    const weight = int('a ballot weight or the 0 that ends the ballots');
    if (weight === 0) break;
    if (weight < 0) throw new BltError('blt.invalid_weight', `ballot weight ${weight} is negative`, wt!.line);
    const prefs: number[] = [];
    const seen = new Set<number>();
    for (;;) {
      const pt = peek();
      const c = int('a candidate number or the 0 that ends the ballot');
      if (c === 0) break;
      if (c < 0 || c > nCand)
        throw new BltError('blt.unknown_candidate', `candidate ${c} is not one of the ${nCand} candidates`, pt!.line);
      if (seen.has(c))
        throw new BltError('blt.duplicate_preference', `candidate ${c} appears twice on one ballot`, pt!.line);
      seen.add(c);
      prefs.push(c - 1);
    }
    ballots.push({ weight, prefs });
  }
  const str = (what: string): string => {
    const t = tokens[k];
    if (!t) throw new BltError('blt.truncated', `the file ends where ${what} was expected`, lastLine);
    if (t.kind !== 'string') throw new BltError('blt.syntax', `expected ${what} in double quotes`, t.line);
    k++;
    return t.value;
  };
  const candidates: string[] = [];
  for (let c = 1; c <= nCand; c++) candidates.push(str(`the name of candidate ${c}`));
  const title = k < tokens.length ? str('the title') : '';
  const extras: string[] = [];
  while (k < tokens.length) extras.push(str('a quoted string'));
  return { title, candidates, seats, withdrawn, ballots, extras };
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Writes an election in canonical BLT form (LF line ends, final newline). */
export function writeBlt(e: BltElection): string {
  const n = e.candidates.length;
  const lines: string[] = [`${n} ${e.seats}`];
  if (e.withdrawn.length) lines.push(e.withdrawn.map((c) => `-${c + 1}`).join(' '));
  for (const b of e.ballots) {
    if (!isSafeWhole(b.weight) || b.weight < 1) throw new RangeError('BLT weights must be whole numbers ≥ 1');
    for (const c of b.prefs) if (!isSafeWhole(c) || c < 0 || c >= n) throw new RangeError(`unknown candidate ${c}`);
    lines.push(`${b.weight} ${b.prefs.map((c) => c + 1).join(' ')}${b.prefs.length ? ' ' : ''}0`);
  }
  lines.push('0');
  for (const name of e.candidates) lines.push(quote(name));
  lines.push(quote(e.title));
  for (const x of e.extras) lines.push(quote(x));
  return `${lines.join('\n')}\n`;
}
