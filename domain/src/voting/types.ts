/**
 * Types shared by every counting method. Candidates (options) are identified
 * by their index in the `candidates` array (0-based); names are only shown.
 */

/** The shape of an HTTP error body's `error`, so the server can pass it through. */
export interface VotingError {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Thrown by a count given input that the server should have refused (a programming error). */
export class VotingInputError extends Error implements VotingError {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'VotingInputError';
    this.code = code;
    this.details = details;
  }
}

/**
 * A ranked ballot: candidate indices, most preferred first; candidates not
 * listed are not ranked. `weight` (default 1) is a positive whole number: the
 * number of identical ballots, or an elector's voting weight.
 */
export interface RankedBallot {
  readonly prefs: readonly number[];
  readonly weight?: number;
}

export type CandidateStatus = 'continuing' | 'elected' | 'excluded' | 'withdrawn';

/**
 * How a tie was broken. `chosen` are the candidates the break selected, for the
 * purpose named: the one excluded, the one whose surplus goes first, the ones
 * that get the seats, or (for a ranking) the tied candidates in the order given.
 */
export interface TieBreak {
  /** Stage (round) of the count at which the tie arose; 0 when the method has no stages. */
  readonly stage: number;
  readonly purpose: 'exclusion' | 'surplus_order' | 'seat' | 'ranking';
  readonly tied: readonly number[];
  readonly chosen: readonly number[];
  /** 'earlier_stage': the rule's own look-back settled it; 'lot': the committed lot did. */
  readonly method: 'earlier_stage' | 'lot';
  /** For 'earlier_stage': the stage whose figures decided. */
  readonly decidedAtStage?: number;
  /** One sentence a person can read, with candidate indices as #n. */
  readonly explanation: string;
}

/** Common input of the ranked methods (IRV, STV, Schulze). */
export interface RankedCountInput {
  readonly candidates: readonly string[];
  readonly ballots: readonly RankedBallot[];
  /**
   * The lot: a permutation of all candidate indices, drawn and committed before
   * voting opened (see `lotOrder`). Earlier in the lot = favoured when a tie
   * is finally broken by lot.
   */
  readonly lot: readonly number[];
  /** Candidates withdrawn before the count: skipped on every ballot. */
  readonly withdrawn?: readonly number[];
}

export interface ElectedEntry {
  readonly candidate: number;
  readonly stage: number;
  /** 'quota': reached the quota (rule 47); 'last_vacancies': rule 52. */
  readonly by: 'quota' | 'last_vacancies';
}

/** What every STV count reports, whichever rules (Scottish, Meek) it followed. */
export interface StvResultCommon {
  readonly unit: number;
  readonly candidates: readonly string[];
  readonly seats: number;
  readonly outcome: 'complete' | 'no_valid_votes';
  /** Weight of valid ballot papers (at least one usable preference). */
  readonly validVotes: number;
  /** Weight of ballots with no usable preference (not valid papers, not in the quota). */
  readonly emptyVotes: number;
  readonly elected: readonly ElectedEntry[];
  /** Excluded candidates in order of exclusion. */
  readonly excluded: readonly number[];
  readonly withdrawn: readonly number[];
  /** Seats that could not be filled (fewer candidates than seats). */
  readonly unfilledSeats: number;
  readonly tieBreaks: readonly TieBreak[];
  readonly lot: readonly number[];
}
