import { PDFDocument, rgb } from 'pdf-lib';
import { embedNotoSubset, relabelAsOpenType } from '../packets/pdf/fonts';
import { A4, CONTENT_WIDTH, MARGIN, Measurer, wrapText } from '../packets/pdf/layout';

/** A plain A4 document with a centred title and wrapped Chinese paragraphs (sample materials). */
export async function writeTextPdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const { font } = await embedNotoSubset(doc, 'regular', title + paragraphs.join(''));
  const measure = new Measurer(font);
  const titleSize = 18;
  const bodySize = 12;
  const lineHeight = bodySize * 1.9;
  let page = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN.top;
  page.drawText(title, {
    x: (A4.width - measure.width(title, titleSize)) / 2,
    y,
    size: titleSize,
    font,
    color: rgb(0.1, 0.1, 0.1),
  });
  y -= titleSize * 2.5;
  for (const paragraph of paragraphs) {
    for (const line of wrapText(`　　${paragraph}`, CONTENT_WIDTH, (s) => measure.width(s, bodySize))) {
      if (y < MARGIN.bottom) {
        page = doc.addPage([A4.width, A4.height]);
        y = A4.height - MARGIN.top;
      }
      page.drawText(line, { x: MARGIN.left, y, size: bodySize, font, color: rgb(0.1, 0.1, 0.1) });
      y -= lineHeight;
    }
  }
  await doc.flush();
  relabelAsOpenType(doc, font);
  return doc.save();
}
