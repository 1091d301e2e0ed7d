/**
 * Matter 'election': choose people (the options are the candidates) for a
 * number of seats. Nothing happens automatically when it closes: whoever is
 * elected takes up the post through its own procedure (a co-op admin appoints
 * its council delegates), with the published count as the record.
 */
import { z } from 'zod';
import type { MatterDefinition } from '../matters.ts';

const Subject = z.strictObject({});

export const electionMatter: MatterDefinition<z.infer<typeof Subject>> = {
  matter: 'election',
  subject: Subject,
  needsOptions: true,
  async check() {},
  describe: () => 'Election',
};
