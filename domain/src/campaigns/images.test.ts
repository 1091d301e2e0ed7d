import { describe, expect, it } from 'vitest';
import { IMAGE_FILE, fittedSize, imageKind } from './images.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('what an uploaded file is', () => {
  it('is known by its first bytes: PNG, JPEG, WebP', () => {
    expect(imageKind(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0]))).toBe('png');
    expect(imageKind(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(imageKind(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
  });

  it('is no image when it is SVG, HTML, a script, GIF, another RIFF or too short', () => {
    expect(imageKind(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(imageKind(bytes('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(imageKind(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(imageKind(bytes('alert(document.cookie)'))).toBeNull();
    expect(imageKind(bytes('GIF89a'))).toBeNull();
    expect(imageKind(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(imageKind(bytes([0x89], 'PNG'))).toBeNull();
    expect(imageKind(new Uint8Array())).toBeNull();
  });
});

describe('an image’s size once shrunk', () => {
  it('fits 1200 pixels on its longer side, keeping its shape', () => {
    expect(fittedSize(4000, 3000)).toEqual({ width: 1200, height: 900 });
    expect(fittedSize(1000, 5000)).toEqual({ width: 240, height: 1200 });
  });
  it('is never enlarged', () => expect(fittedSize(640, 480)).toEqual({ width: 640, height: 480 }));
});

describe('a stored image’s name', () => {
  it('is its hash and extension, nothing else', () => {
    expect(IMAGE_FILE.test(`${'a'.repeat(64)}.jpg`)).toBe(true);
    expect(IMAGE_FILE.test(`${'a'.repeat(64)}.svg`)).toBe(false);
    expect(IMAGE_FILE.test(`../${'a'.repeat(64)}.png`)).toBe(false);
  });
});
