/**
 * Campaign images on disk. An upload is taken only when its first bytes say
 * PNG, JPEG or WebP (never its name or declared type) AND sharp decodes it
 * whole; it is then turned upright, shrunk to fit 1200 px and re-encoded
 * (JPEG, or PNG when it has transparency) — re-encoding keeps the pixels
 * only, so no script, metadata or trailing payload survives. The file is
 * named by the SHA-256 of what was written, under DATA_DIR/campaign-images.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { campaigns as rules } from '@coopnet/domain';
import sharp, { type OutputInfo } from 'sharp';
import { AppError, badRequest } from '../../platform/errors.ts';

export const imagesDir = (dataDir: string) => join(dataDir, 'campaign-images');

export interface StoredImage {
  file: string;
  width: number;
  height: number;
  bytes: number;
}

const notAnImage = () =>
  badRequest('campaigns.not_an_image', 'The file is not a PNG, JPEG or WebP image (or it is damaged or cut short).');

/** Checks, shrinks and re-encodes the upload, and writes it; refuses anything that is no whole PNG, JPEG or WebP. */
export async function storeImage(dataDir: string, upload: Buffer): Promise<StoredImage> {
  if (!rules.imageKind(upload)) throw notAnImage();
  let out: { data: Buffer; info: OutputInfo };
  try {
    const input = sharp(upload, { failOn: 'truncated', limitInputPixels: rules.MAX_IMAGE_PIXELS, animated: false });
    const meta = await input.metadata();
    if (!['png', 'jpeg', 'webp'].includes(meta.format ?? '')) throw notAnImage();
    const resized = input
      .rotate()
      .resize({ width: rules.MAX_IMAGE_SIDE, height: rules.MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    out = await (
      meta.hasAlpha ? resized.png({ compressionLevel: 9 }) : resized.jpeg({ quality: 82, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notAnImage();
  }
  const hash = createHash('sha256').update(out.data).digest('hex');
  const file = `${hash}.${out.info.format === 'png' ? 'png' : 'jpg'}`;
  const dir = imagesDir(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Written aside then renamed: a reader never sees half a file; the same content is the same name.
  const temp = join(dir, `.${file}.${process.pid}.${Date.now()}`);
  await writeFile(temp, out.data, { mode: 0o600 });
  await rename(temp, join(dir, file));
  return { file, width: out.info.width, height: out.info.height, bytes: out.data.length };
}

/** A stored image's bytes, or null when the name is no stored image's. */
export async function readImage(dataDir: string, file: string): Promise<Buffer | null> {
  if (!rules.IMAGE_FILE.test(file)) return null;
  try {
    return await readFile(join(imagesDir(dataDir), file));
  } catch {
    return null;
  }
}

export const imageUrl = (file: string) => `/campaign-images/${file}`;
