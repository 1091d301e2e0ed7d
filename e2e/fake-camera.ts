/**
 * A video for Chromium's fake camera showing a QR code, so a journey can scan
 * a card the way a cashier does. Chromium plays a Y4M file
 * (`--use-file-for-fake-video-capture`) in a loop: a few identical 4:2:0
 * frames whose luma is the QR code's modules, black on white with a quiet
 * zone, and neutral chroma (grey, no colour).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { tempDir } from './temp-dir.ts';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;
/** Modules of white around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

/** The luma plane: each module a square of `scale` pixels, the code centred. */
function lumaOf(text: string): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 2 * QUIET_ZONE));
  if (scale < 2) throw new Error(`a QR code of ${size} modules does not fit a ${WIDTH}×${HEIGHT} frame`);
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);
  const y = new Uint8Array(WIDTH * HEIGHT).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const start = (top + row * scale + dy) * WIDTH + left + col * scale;
        y.fill(0, start, start + scale);
      }
    }
  }
  return y;
}

/** Writes the video and returns its path (in the journeys' temporary folder unless `file` is given). */
export function writeQrVideo(text: string, file = join(tempDir('camera'), 'qr.y4m')): string {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const luma = lumaOf(text);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
  return file;
}
