// A "scan" made in the test: known Chinese text drawn as an image (the repository's Noto Sans
// SC through sharp's text renderer) and wrapped in a PDF that has no text layer, as a scanner
// writes it.
import sharp from 'sharp';
import { degrees, PDFDocument } from 'pdf-lib';
import { notoFontPath } from '../../electron/core/packets/pdf/fonts';

const A4 = { width: 595.28, height: 841.89 };
/** Scanners write 150–300 dpi; 150 keeps the tests quick and is what clerks' copiers default to. */
const DPI = 150;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One A4 page of these lines as a greyscale JPEG, as a copier scans it. */
export async function scannedPageJpeg(lines: string[], pointSize = 14): Promise<Buffer> {
  const width = Math.round((A4.width / 72) * DPI);
  const height = Math.round((A4.height / 72) * DPI);
  const margin = Math.round(DPI * 0.9);
  const text = await sharp({
    text: {
      text: `<span foreground="black">${lines.map(escape).join('\n')}</span>`,
      font: `Noto Sans S Chinese ${pointSize}`,
      fontfile: notoFontPath('regular'),
      dpi: DPI,
      width: width - 2 * margin,
      spacing: Math.round((pointSize * DPI) / 72 / 2),
      wrap: 'char',
      rgba: true,
    },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([{ input: text, left: margin, top: margin }])
    .greyscale()
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A PDF of pages of these lines, each page one image and no text layer. */
export async function scannedPdf(pages: string[][], pointSize = 14): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (const lines of pages) {
    const image = await pdf.embedJpg(await scannedPageJpeg(lines, pointSize));
    pdf.addPage([A4.width, A4.height]).drawImage(image, { x: 0, y: 0, width: A4.width, height: A4.height });
  }
  return pdf.save();
}

/**
 * A scan stored sideways, as some scanners and phone apps write it: the page is landscape in its
 * own coordinates with /Rotate `angle` (90 or 270), the image drawn turned so that the page as a
 * reader shows it is upright A4 portrait.
 */
export async function sidewaysScannedPdf(lines: string[], angle: 90 | 270): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedJpg(await scannedPageJpeg(lines));
  const page = pdf.addPage([A4.height, A4.width]);
  page.setRotation(degrees(angle));
  // Turned against the page's /Rotate, about the corner it is drawn from.
  if (angle === 90) page.drawImage(image, { x: A4.height, y: 0, width: A4.width, height: A4.height, rotate: degrees(90) });
  else page.drawImage(image, { x: 0, y: A4.width, width: A4.width, height: A4.height, rotate: degrees(-90) });
  return pdf.save();
}
