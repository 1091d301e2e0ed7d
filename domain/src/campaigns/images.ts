/**
 * Campaign images: what an uploaded file really is, read from its first
 * bytes (its "magic number"), never from its name or the type the browser
 * declared. Only PNG, JPEG and WebP are images here; SVG (which may hold
 * scripts), GIF, HTML or anything else is not.
 */
export type ImageKind = 'png' | 'jpeg' | 'webp';

/** The largest upload taken, in bytes (a phone's photo fits). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Images are shrunk to at most this width (and height) in pixels, never enlarged. */
export const MAX_IMAGE_SIDE = 1200;
/** A decoded image larger than this many pixels is refused (a "decompression bomb"). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** What the bytes are by their signature, or null when they are no PNG, JPEG or WebP. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  return null;
}

/** An image's file name as stored and served: its content's SHA-256 and its extension. */
export const IMAGE_FILE = /^([0-9a-f]{64})\.(png|jpg)$/;

/** The width and height that fit in MAX_IMAGE_SIDE, keeping the shape and never enlarging. */
export function fittedSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
