/**
 * A proposal's JSON columns, read with the schemas they were written to: the
 * rule frozen at opening (the contract's MatterRule, as the bylaws hold it),
 * the options, the subject (the matter's own schema) and the result.
 */
import { MatterRule } from '@coopnet/contract/governance-bodies';
import { ProposalResult } from '@coopnet/contract/proposals';
import { z } from 'zod';
import { parseStored } from '../../../platform/stored-json.ts';
import type { MatterDefinition } from '../matters.ts';

const Options = z.array(z.string());
/** Any subject, for showing it as it was stored (its matter may no longer be registered). */
const AnySubject = z.record(z.string(), z.unknown());

export const storedRule = (json: string): MatterRule => parseStored(MatterRule, json, 'proposals.rule_json');
export const storedOptions = (json: string): string[] => parseStored(Options, json, 'proposals.options_json');
export const storedResult = (json: string): ProposalResult => parseStored(ProposalResult, json, 'proposals.result_json');
export const storedSubject = (json: string): Record<string, unknown> => parseStored(AnySubject, json, 'proposals.subject_json');

/** The subject as its matter reads it. */
export const subjectFor = <S>(matter: MatterDefinition<S>, json: string): S => parseStored(matter.subject, json, 'proposals.subject_json');
