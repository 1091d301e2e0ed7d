/**
 * Which secrets a backup needs, without holding them (decision 0003): the
 * database keeps only HMACs keyed with the session secret (sessions, API
 * tokens, invitation and reset links) and the public halves of the card keys,
 * so a restore onto other secrets keeps every row and still breaks them. A
 * backup records a salted scrypt hash of the session secret (it does not
 * reveal the secret) and the ids of the card keys; restore compares them with
 * its configuration before it changes anything.
 */
import { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { loadSigningKey, publishedKeys } from '../modules/cards/index.ts';
import { hashPassword, verifyPassword } from '../platform/passwords.ts';

/** What a backup records about its secrets (in a SQLite backup's manifest, in a JSON-lines backup's header). */
export const BackupSecrets = z.object({
  /** scrypt hash of the session secret the backup was taken with (salted, as passwords are); null: none was configured */
  sessionSecret: z.string().nullable(),
  /** id of the card key the configuration signed cards with; null: none was configured */
  cardSigningKid: z.string().nullable(),
  /** ids of the card keys the network published and has not retired: every card that verifies is signed by one of them */
  cardKids: z.array(z.string()),
});
export type BackupSecrets = z.infer<typeof BackupSecrets>;

/** The secrets of a configuration, as `configuredSecrets` reads them (nothing is generated). */
export interface ConfiguredSecrets {
  sessionSecret?: string;
  cardSigningKey?: string;
  /** DATA_DIR/secrets.json */
  file: string;
}

const RUN_WITH_SERVER_CONFIG = "run backup with the server's configuration (its DATA_DIR, or SESSION_SECRET and CARD_SIGNING_KEY)";

const kidOf = (pem: string) => loadSigningKey(pem).kidHex;

/** What a backup of the database behind `ex` (its snapshot) records about its secrets, and what it could not tell. */
export async function describeSecrets(
  ex: Executor,
  configured: Partial<ConfiguredSecrets>,
  hasCardKeys: boolean,
): Promise<{ secrets: BackupSecrets; warnings: string[] }> {
  const warnings: string[] = [];
  const cardKids = hasCardKeys ? (await publishedKeys(ex)).map((k) => k.kid) : [];
  const cardSigningKid = configured.cardSigningKey ? kidOf(configured.cardSigningKey) : null;
  if (!configured.sessionSecret || !cardSigningKid) {
    warnings.push(`This backup cannot say which secrets it needs: this configuration has no ${!configured.sessionSecret ? 'session secret' : 'card signing key'} (no SESSION_SECRET${cardSigningKid ? '' : ' or CARD_SIGNING_KEY'}, nothing in ${configured.file ?? 'DATA_DIR/secrets.json'}); ${RUN_WITH_SERVER_CONFIG}.`);
  } else if (cardKids.length > 0 && !cardKids.includes(cardSigningKid)) {
    warnings.push(`The card signing key of this configuration (${cardSigningKid}) is not one the database publishes (${cardKids.join(', ')}): is this the server's configuration? If not, ${RUN_WITH_SERVER_CONFIG}.`);
  }
  const sessionSecret = configured.sessionSecret ? await hashPassword(configured.sessionSecret) : null;
  return { secrets: { sessionSecret, cardSigningKid, cardKids }, warnings };
}

/** What stops working when a restored database meets other secrets. */
const BREAKS = {
  session:
    'every session, API token (those of tills too), invitation link and password-reset link in the backup stops working (401); accounts and passwords are kept',
  card: (kid: string, kids: string[]) =>
    `the cards signed by ${kids.join(', ')} still verify, but the app signs every member's card again with the new key and tills refuse those cards (unknown_key) until they fetch the network's keys again; ${kid} never signs again`,
};

export interface SecretsComparison {
  /** the whole message when they differ and new secrets were not accepted */
  refusal: string | null;
  /** what could not be checked, or what breaks when new secrets were accepted */
  warnings: string[];
  /** that they were checked and are the backup's */
  checked: string | null;
}

/** Compares the backup's secrets with the configuration's. */
export async function compareSecrets(
  needs: BackupSecrets | undefined,
  configured: ConfiguredSecrets,
  acceptNew: boolean,
): Promise<SecretsComparison> {
  if (!needs) {
    return {
      refusal: null,
      checked: null,
      warnings: [
        'This backup was made before backups said which secrets they need, so they cannot be checked: the server must run with the secrets of the one the backup came from (its DATA_DIR/secrets.json, or SESSION_SECRET and CARD_SIGNING_KEY), or ' +
          `${BREAKS.session}, and members' cards are signed with a new key.`,
      ],
    };
  }
  const warnings: string[] = [];
  const problems: string[] = [];
  if (!needs.sessionSecret) warnings.push('The backup does not say which session secret it needs (it was taken without one); it cannot be checked.');
  else if (!configured.sessionSecret) problems.push(`session secret: this configuration has none (a new one would be made at the first start), so ${BREAKS.session}.`);
  else if (!(await verifyPassword(configured.sessionSecret, needs.sessionSecret))) problems.push(`session secret: this configuration's is not the backup's, so ${BREAKS.session}.`);

  const kid = configured.cardSigningKey ? kidOf(configured.cardSigningKey) : null;
  if (!needs.cardSigningKid) warnings.push('The backup does not say which card signing key it needs (it was taken without one); it cannot be checked.');
  // No card key published, no card signed: any key will do.
  else if (kid !== needs.cardSigningKid && needs.cardKids.length > 0) {
    const have = kid ? `signs with ${kid}` : 'has no card signing key (a new one would be made)';
    problems.push(`card signing key: the backup's cards are signed with ${needs.cardSigningKid}; this configuration ${have}, so ${BREAKS.card(needs.cardSigningKid, needs.cardKids)}.`);
  }

  if (problems.length === 0) {
    const checked = needs.sessionSecret && needs.cardSigningKid ? `Secrets: this configuration has the backup's session secret and card signing key (${needs.cardSigningKid}).` : null;
    return { refusal: null, warnings, checked };
  }
  const list = problems.map((p) => `  - ${p}`).join('\n');
  if (acceptNew) return { refusal: null, warnings: [...warnings, `Restoring with new secrets (--new-secrets):\n${list}`], checked: null };
  return {
    checked: null,
    refusal: [
      'The backup needs secrets this configuration does not have:',
      list,
      'Nothing was changed. Put back the secrets of the server the backup came from (docs/operations.md, "Restore"):',
      `  - its secrets.json into ${configured.file} (mode 0600), and SESSION_SECRET or CARD_SIGNING_KEY as it set them (the service: in /etc/coopnet/coopnet.env); then run restore again;`,
      '  - or pass --new-secrets to restore with new secrets, accepting what breaks above.',
    ].join('\n'),
    warnings,
  };
}

/** Card keys the backup lists that the restored database does not publish (so tills would refuse their cards). */
export async function unpublishedKids(ex: Executor, needs: BackupSecrets | undefined): Promise<string[]> {
  if (!needs || needs.cardKids.length === 0) return [];
  const published = new Set((await publishedKeys(ex)).map((k) => k.kid));
  return needs.cardKids.filter((kid) => !published.has(kid));
}
