// A video or a recording in the packet: it cannot be printed, so its page says what it is — 题名,
// 时长, 分辨率, 编码, size — and where the inspector finds the file in the folder export, with a
// strip of six frames from across a video so the page shows what was filmed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { durationText } from '../../../../shared/domain';
import { frameStrip } from '../../media/frames';
import type { Filing } from '../plan';
import type { FilingContext, FilingOutcome } from './filingContent';
import { labels, sizeText } from './labels';
import { CONTENT_WIDTH, MARGIN } from './layout';
import { colors, drawLine } from './text';

const FRAMES = 6;
const COLUMNS = 3;

const mediaLabels = {
  heading: '音视频资料',
  duration: '时长',
  resolution: '分辨率',
  codec: '编码',
  frames: '画面截取（按时间先后）',
  note: '音视频文件无法放入 PDF，请按上面的“原件位置”播放原件。',
};

function fields(filing: Filing, location: string | null): { label: string; value: string }[] {
  const m = filing.material;
  const media = m.media;
  const codec = [media?.videoCodec && `视频 ${media.videoCodec}`, media?.audioCodec && `音频 ${media.audioCodec}`].filter(Boolean).join('，');
  return [
    { label: labels.title, value: m.title },
    { label: mediaLabels.duration, value: durationText(media?.durationSeconds ?? null) },
    { label: mediaLabels.resolution, value: media?.width && media.height ? `${media.width}×${media.height}` : '' },
    { label: mediaLabels.codec, value: codec },
    { label: labels.originalName, value: m.originalName },
    { label: labels.size, value: sizeText(m.size) },
    { label: labels.location, value: location ?? labels.notExported },
  ];
}

/** Every character the page can draw (the font is subset to them before any page exists). */
export function mediaPageText(filing: Filing, location: string | null): { regular: string; bold: string } {
  const f = fields(filing, location);
  // The frames' times (“1:02:03”) need only digits and the colon.
  return { regular: f.map((x) => x.value).join('') + mediaLabels.note + mediaLabels.heading + '0123456789:', bold: mediaLabels.frames + filing.material.title + f.map((x) => x.label).join('') };
}

export async function appendMediaPage(ctx: FilingContext, filing: Filing): Promise<FilingOutcome> {
  ctx.photos.close();
  const { flow, doc } = ctx;
  const m = filing.material;
  const start = doc.getPageCount();
  const before = flow.pages.length;
  flow.nextPage();
  flow.gap(24);
  flow.paragraph(mediaLabels.heading, { size: 12, color: colors.muted });
  flow.gap(4);
  flow.paragraph(m.title, { size: 18, weight: 'bold', leading: 1.45 });
  flow.rule();
  flow.gap(6);
  for (const f of fields(filing, ctx.locate(filing))) flow.field(f.label, f.value);

  if (m.mediaType.startsWith('video/')) {
    const dir = path.join(ctx.archive.tmpDir, `frames-${randomUUID()}`);
    try {
      const frames = await frameStrip(ctx.archive.store.pathFor(m.sha256), m.media?.durationSeconds ?? null, FRAMES, dir);
      if (frames.length > 0) {
        flow.paragraph(mediaLabels.frames, { size: 11, weight: 'bold', color: colors.accent, leading: 1.8 });
        const gutter = 8;
        const cellWidth = (CONTENT_WIDTH - gutter * (COLUMNS - 1)) / COLUMNS;
        for (let row = 0; row * COLUMNS < frames.length; row += 1) {
          const images = await Promise.all(frames.slice(row * COLUMNS, row * COLUMNS + COLUMNS).map(async (f) => ({ f, image: await doc.embedJpg(await fs.readFile(f.file)) })));
          const height = Math.max(...images.map(({ image }) => (image.height / image.width) * cellWidth));
          flow.ensure(height + 20);
          flow.gap(height);
          images.forEach(({ f, image }, i) => {
            const x = MARGIN.left + i * (cellWidth + gutter);
            const h = (image.height / image.width) * cellWidth;
            flow.page.drawImage(image, { x, y: flow.y + (height - h), width: cellWidth, height: h });
            drawLine(flow.page, flow.fonts, durationText(f.seconds), x, flow.y - 12, { size: 9, color: colors.muted });
          });
          flow.gap(22);
        }
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
  flow.gap(8);
  flow.paragraph(mediaLabels.note, { size: 10, color: colors.muted });
  return { pages: flow.pages.slice(before), start, reason: null, copied: false, document: true };
}
