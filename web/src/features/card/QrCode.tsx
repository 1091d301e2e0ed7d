import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The card's token as a QR code: inline SVG, black on white with the standard
 * four-module quiet zone, so it stays sharp at any size and any camera (or
 * `zbarimg`) reads it. Level M: the token is ~200 characters, and a higher
 * level would mean smaller modules on a phone screen.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      .then((out) => current && setSvg(out))
      .catch(() => current && setSvg(''));
    return () => {
      current = false;
    };
  }, [text]);
  // The SVG is made by the qrcode package from the token alone: paths, no scripts or links.
  return <div role="img" aria-label={label} className="card-qr" dangerouslySetInnerHTML={{ __html: svg }} />;
}
