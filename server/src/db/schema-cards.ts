/** Table types of member cards (migration 0005). */
export interface CardKeyTable {
  /** lower-case hex of the key id, as `credentials.deriveKid` makes it */
  kid: string;
  /** base64url of the raw 32-byte Ed25519 public key */
  public_key: string;
  created_at: string;
  retired_at: string | null;
}

export interface CardTable {
  /** short random base32 (not a UUID): it is inside every QR code */
  id: string;
  person_id: string;
  short_code: string;
  kind: 'worker' | 'supporter';
  coop_id: string | null;
  issued_at: string;
  expires_at: string;
  revoked_at: string | null;
  revocation_reason: string | null;
}

export interface CardTables {
  card_keys: CardKeyTable;
  cards: CardTable;
}
