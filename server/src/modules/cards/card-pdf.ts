/**
 * Printable member cards: A4 pages of credit-card-sized cards (ISO/IEC 7810
 * ID-1, 85.6 × 54 mm), two columns of four, each with a cut outline. The QR
 * code is drawn as vector rectangles, so it stays sharp at any printer's
 * resolution, in alphanumeric mode (the `CN1:` text is all alphanumeric).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { credentials } from '@coopnet/domain';
import { dayText } from '@coopnet/domain/dates';

export interface PrintedCard {
  holderName: string;
  coopName: string;
  /** the QR code's text, `CN1:…` */
  token: string;
  shortCode: string;
  /** YYYY-MM-DD in the network's time zone */
  validUntil: string;
}

export interface CardSheet {
  networkName: string;
  coopName: string;
  locale: string;
  cards: PrintedCard[];
}

const LABELS = {
  en: { card: 'Member card', code: 'Code', validUntil: 'Valid until', title: 'Member cards' },
  es: { card: 'Tarjeta de socia', code: 'Código', validUntil: 'Válida hasta el', title: 'Tarjetas de socia' },
} as const;

export const CARDS_PER_PAGE = 8;
const mm = (v: number) => (v * 72) / 25.4;
const A4 = { w: mm(210), h: mm(297) };
const CARD = { w: mm(85.6), h: mm(54) };
const GAP = mm(6);
const COLS = 2;
const ROWS = 4;
const LEFT = (A4.w - COLS * CARD.w - (COLS - 1) * GAP) / 2;
const TOP = (A4.h - ROWS * CARD.h - (ROWS - 1) * GAP) / 2;
/** The QR code's square, quiet zone included. */
const QR_SIDE = mm(44);
const QUIET_MODULES = 4;
const PAD = mm(4);
const TEXT_WIDTH = CARD.w - QR_SIDE - mm(3) - PAD - mm(1.5);

// Characters the standard PDF fonts (WinAnsi) have beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FALLBACK: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i' };

const inWinAnsi = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
};

/**
 * The standard fonts draw only WinAnsi; other letters lose their accent
 * (ő → o) or become '?'. The QR code carries the name exactly.
 */
export function printable(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => {
      if (inWinAnsi(c)) return c;
      const base = c.normalize('NFKD').replace(/\p{M}/gu, '');
      if (base.length > 0 && [...base].every(inWinAnsi)) return base;
      return FALLBACK[c] ?? '?';
    })
    .join('');
}

/** Dark modules as rectangles, one per horizontal run so no hairline shows between neighbours. */
function drawQr(doc: PDFKit.PDFDocument, token: string, x: number, y: number): void {
  const { modules } = QRCode.create([{ data: token, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const size = QR_SIDE / (n + 2 * QUIET_MODULES);
  const x0 = x + QUIET_MODULES * size;
  const y0 = y + QUIET_MODULES * size;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(x0 + start * size, y0 + row * size, (col - start) * size, size);
    }
  }
  doc.fillColor('#000000').fill();
}

function drawCard(doc: PDFKit.PDFDocument, sheet: CardSheet, card: PrintedCard, x: number, y: number): void {
  const l = LABELS[sheet.locale === 'es' ? 'es' : 'en'];
  doc.roundedRect(x, y, CARD.w, CARD.h, mm(3)).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
  drawQr(doc, card.token, x + CARD.w - QR_SIDE - mm(3), y + (CARD.h - QR_SIDE) / 2);

  const tx = x + PAD;
  const line = (text: string, top: number, font: string, size: number, color: string, lines = 1) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(printable(text), tx, y + mm(top), {
        width: TEXT_WIDTH,
        height: size * 1.2 * lines,
        ellipsis: true,
        lineGap: 0,
      });
  line(sheet.networkName, 4.5, 'Helvetica-Bold', 8, '#1d3b6f');
  line(l.card, 8.2, 'Helvetica', 6.5, '#444444');
  line(card.holderName, 14, 'Helvetica-Bold', 10, '#000000', 2);
  line(card.coopName, 23.5, 'Helvetica', 7.5, '#222222', 2);
  line(l.code, 35, 'Helvetica', 6, '#444444');
  line(credentials.formatShortCode(card.shortCode), 37.5, 'Courier-Bold', 12, '#000000');
  line(`${l.validUntil} ${dayText(card.validUntil, sheet.locale)}`, 46.5, 'Helvetica', 6.5, '#222222');
}

/** The sheet as PDF bytes: ceil(cards / 8) A4 pages. */
export function renderCardsPdf(sheet: CardSheet): Promise<Buffer> {
  const l = LABELS[sheet.locale === 'es' ? 'es' : 'en'];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: printable(`${l.title} — ${sheet.coopName}`), Author: printable(sheet.networkName) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  sheet.cards.forEach((card, i) => {
    const slot = i % CARDS_PER_PAGE;
    if (slot === 0) doc.addPage();
    const col = slot % COLS;
    const row = Math.floor(slot / COLS);
    drawCard(doc, sheet, card, LEFT + col * (CARD.w + GAP), TOP + row * (CARD.h + GAP));
  });
  doc.end();
  return done;
}
