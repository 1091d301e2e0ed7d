export {
  CARD_PREFIX,
  CLAIM,
  COSE_ALG_EDDSA,
  COSE_SIGN1_TAG,
  deriveKid,
  issueCard,
  kidFromHex,
  kidToHex,
  readCard,
  sigStructure,
  checkVerifiedClaims,
  verifyCard,
  verifyCardAsync,
  type AsyncCardVerifier,
  type AsyncVerifyOptions,
  type CardClaims,
  type CardSigner,
  type CardVerifier,
  type DecodedCard,
  type MemberKind,
  type ReadResult,
  type VerifyFailure,
  type VerifyOptions,
  type VerifyResult,
} from './card.ts';
export { encodeBase45, decodeBase45, Base45Error } from './base45.ts';
export { shortCode, formatShortCode, normalizeShortCode } from './short-code.ts';
export { encode as encodeCbor, decode as decodeCbor, CborTag, CborError, type CborValue, type CborMap } from './cbor.ts';
