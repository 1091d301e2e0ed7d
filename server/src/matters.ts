/**
 * Every kind of matter a proposal can be about, registered with governance in
 * one place at start-up rather than as a side effect of importing a module:
 * governance's own (bylaw change, election, free motion), the co-ops'
 * (admission, suspension) and reciprocity's (settlement policy). buildApp
 * calls it; so must a command that opens or closes votes without the app.
 * Calling it again changes nothing: the same definitions are kept once.
 */
import { coopMatters } from './modules/coops/index.ts';
import { governanceMatters, registerMatters } from './modules/governance/index.ts';
import { reciprocityMatters } from './modules/reciprocity/matters.ts';

export function wireMatters(): void {
  registerMatters([...governanceMatters, ...coopMatters, ...reciprocityMatters]);
}
