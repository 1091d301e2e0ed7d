/** Governance's own matters, the core of the bylaws: registered with the others at start-up (server/src/wiring.ts). */
import { bylawChangeMatter } from './bylaw-change.ts';
import { electionMatter } from './election.ts';
import { freeMatter } from './free.ts';

export const governanceMatters = [bylawChangeMatter, electionMatter, freeMatter];
