import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { ApiClient } from '../../../shared/api';
import { writeMinimalDocx } from './minimalDocx';
import { writeTextPdf } from './textPdf';

interface SampleFile {
  name: string;
  /** Indicator codes of the bundled 文明单位 sample system. */
  codes: string[];
  make(): Promise<Uint8Array | Buffer>;
}

const photo = (hue: string, accent: string) => async () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: hue } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="1600" height="1200"><rect x="160" y="700" width="1280" height="340" fill="${accent}"/><circle cx="800" cy="420" r="220" fill="${accent}" opacity="0.7"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();

// Sample materials, written for the demo; not real documents of any unit.
const samples: SampleFile[] = [
  {
    name: '关于成立文明单位创建工作领导小组的通知.pdf',
    codes: ['1.1'],
    make: () =>
      writeTextPdf('关于成立文明单位创建工作领导小组的通知', [
        '为加强对文明单位创建工作的组织领导，经研究，决定成立创建工作领导小组。',
        '领导小组由单位主要负责人任组长，分管负责人任副组长，各科室负责人为成员。领导小组下设办公室，负责日常工作。',
        '各科室要高度重视，按照职责分工抓好落实。（示例材料）',
      ]),
  },
  {
    name: '2024年度文明单位创建工作实施方案.docx',
    codes: ['1.2'],
    make: () =>
      writeMinimalDocx('2024年度文明单位创建工作实施方案', [
        '一、指导思想：以社会主义核心价值观为引领，全面提升干部职工文明素质。',
        '二、工作目标：巩固创建成果，力争年度测评达到优秀等次。',
        '三、主要任务：加强组织领导、深化思想道德建设、常态化开展志愿服务、优化文明环境。',
        '四、保障措施：明确责任分工，定期督查通报。（示例材料）',
      ]),
  },
  {
    name: '理论学习会议记录20240315.pdf',
    codes: ['2.1'],
    make: () =>
      writeTextPdf('理论学习会议记录', [
        '时间：2024年3月15日；地点：三楼会议室；主持人：办公室主任；参会人员：全体干部职工。',
        '会议集中学习了有关文件精神，并结合本单位实际开展讨论。（示例材料）',
      ]),
  },
  { name: '志愿服务活动照片20240312.jpg', codes: ['3.2'], make: photo('#d9e7f5', '#3b6ea5') },
  { name: '道德讲堂活动照片20240520.jpg', codes: ['2.2', '3.2'], make: photo('#f4e4d4', '#b5562b') },
];

/**
 * Fill an empty archive with the bundled 文明单位 sample system, one dossier and sample
 * materials filed against its indicators.
 */
export async function buildDemoArchive(
  api: ApiClient,
  materialsDir: string,
): Promise<{ materialCount: number; indicatorCount: number }> {
  const templates = await api['systems.templates']({});
  const template = templates.find((t) => t.name.includes('文明单位')) ?? templates[0];
  const system = await api['systems.importTemplate']({ templateId: template.id });
  const dossier = await api['dossiers.create']({
    name: '文明单位创建档案（示例）',
    unit: '示例市示例局',
    period: '2024年度',
    systemId: system.id,
  });
  const indicators = await api['indicators.list']({ systemId: system.id });
  await fs.mkdir(materialsDir, { recursive: true });
  let count = 0;
  for (const sample of samples) {
    const file = path.join(materialsDir, sample.name);
    await fs.writeFile(file, await sample.make());
    const indicatorIds = indicators.filter((i) => sample.codes.includes(i.code)).map((i) => i.id);
    const report = await api['materials.add']({ dossierId: dossier.id, paths: [file], indicatorIds });
    count += report.added.length;
  }
  return { materialCount: count, indicatorCount: indicators.length };
}
