// OFD packages laid out as 电子公文 systems write them (GB/T 33190-2016), built in the test.
import JSZip from 'jszip';
import sharp from 'sharp';
import { subsetNoto } from '../../electron/core/packets/pdf/fonts';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

export interface SampleText {
  x: number;
  y: number;
  size: number;
  text: string;
  font?: number;
  color?: string;
}

/** A TextObject with a DeltaX step per character (a full size for Chinese, half for digits), as writers emit them. */
function textObject(id: number, t: SampleText): string {
  const steps = Array.from(t.text).map((ch) => (/[\x20-\x7e]/.test(ch) ? t.size / 2 : t.size));
  const width = steps.reduce((a, b) => a + b, 0);
  const deltas = steps.length > 1 ? ` DeltaX="${steps.slice(0, -1).join(' ')}"` : '';
  const fill = t.color ? `<ofd:FillColor Value="${t.color}"/>` : '';
  return `<ofd:TextObject ID="${id}" Boundary="${t.x} ${t.y - t.size} ${width} ${t.size * 1.4}" Font="${t.font ?? 3}" Size="${t.size}">${fill}<ofd:TextCode X="0" Y="${t.size}"${deltas}>${t.text}</ofd:TextCode></ofd:TextObject>`;
}

export interface SamplePage {
  texts: SampleText[];
  /** Horizontal rules stroked red (the 红头's rule): from x0 to x1 at y, in a Boundary 0 high as writers emit it. */
  redRules?: { x0: number; x1: number; y: number }[];
  /** An image of the document's resources drawn at this boundary. */
  image?: { id: number; boundary: [number, number, number, number] };
  template?: { id: number; zOrder: 'Background' | 'Foreground' };
  /** The page's own PhysicalBox (width, height in mm) when it differs from the document's A4. */
  size?: [number, number];
}

function pageXml(page: SamplePage): string {
  let id = 100;
  const objects = [
    ...page.texts.map((t) => textObject(id++, t)),
    ...(page.redRules ?? []).map(
      (r) =>
        `<ofd:PathObject ID="${id++}" Boundary="${r.x0} ${r.y} ${r.x1 - r.x0} 0" LineWidth="0.8"><ofd:StrokeColor Value="255 0 0"/><ofd:AbbreviatedData>M 0 0 L ${r.x1 - r.x0} 0</ofd:AbbreviatedData></ofd:PathObject>`,
    ),
    ...(page.image
      ? [`<ofd:ImageObject ID="${id++}" Boundary="${page.image.boundary.join(' ')}" CTM="${page.image.boundary[2]} 0 0 ${page.image.boundary[3]} 0 0" ResourceID="${page.image.id}"/>`]
      : []),
  ];
  const template = page.template ? `<ofd:Template TemplateID="${page.template.id}" ZOrder="${page.template.zOrder}"/>` : '';
  const area = page.size ? `<ofd:Area><ofd:PhysicalBox>0 0 ${page.size.join(' ')}</ofd:PhysicalBox></ofd:Area>` : '';
  return xml(`<ofd:Page ${NS}>${area}${template}<ofd:Content><ofd:Layer ID="99">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`);
}

export interface SampleOptions {
  pages: SamplePage[];
  templates?: { id: number; page: SamplePage }[];
  /** A seal PNG placed by a Signature's StampAnnot on the first page (as 电子签章 software does). */
  sealOnFirstPage?: [number, number, number, number];
  /** Page images in DocumentRes, by resource ID. */
  images?: { id: number; png: Buffer }[];
  title?: string;
  /** A font file embedded for the 小标宋 title face (FontFile), as 公文 writers embed their subsets. */
  titleFont?: Uint8Array;
}

/** A red round stamp, as a 公章 image looks. */
export async function sealPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="90" fill="none" stroke="#e00" stroke-width="10"/><polygon points="100,45 113,85 155,85 121,110 134,150 100,125 66,150 79,110 45,85 87,85" fill="#e00"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function buildOfd(options: SampleOptions): Promise<Buffer> {
  const zip = new JSZip();
  const signed = options.sealOnFirstPage !== undefined;
  zip.file(
    'OFD.xml',
    xml(
      `<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6d1f0c1a</ofd:DocID><ofd:Title>${options.title ?? ''}</ofd:Title><ofd:CreationDate>2024-03-15</ofd:CreationDate></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>${signed ? '<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>' : ''}</ofd:DocBody></ofd:OFD>`,
    ),
  );
  const templates = options.templates ?? [];
  zip.file(
    'Doc_0/Document.xml',
    xml(
      `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>${templates
        .map((t) => `<ofd:TemplatePage ID="${t.id}" BaseLoc="Tpls/Tpl_${t.id}/Content.xml"/>`)
        .join('')}</ofd:CommonData><ofd:Pages>${options.pages.map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
    ),
  );
  zip.file(
    'Doc_0/PublicRes.xml',
    xml(
      `<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="方正小标宋简体" FamilyName="方正小标宋简体">${options.titleFont ? '<ofd:FontFile>font_2.otf</ofd:FontFile>' : ''}</ofd:Font><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋"/><ofd:Font ID="4" FontName="黑体" FamilyName="黑体"/></ofd:Fonts></ofd:Res>`,
    ),
  );
  zip.file(
    'Doc_0/DocumentRes.xml',
    xml(
      `<ofd:Res ${NS} BaseLoc="Res"><ofd:MultiMedias>${(options.images ?? [])
        .map((m) => `<ofd:MultiMedia ID="${m.id}" Type="Image" Format="PNG"><ofd:MediaFile>image_${m.id}.png</ofd:MediaFile></ofd:MultiMedia>`)
        .join('')}</ofd:MultiMedias></ofd:Res>`,
    ),
  );
  for (const m of options.images ?? []) zip.file(`Doc_0/Res/image_${m.id}.png`, m.png);
  if (options.titleFont) zip.file('Doc_0/Res/font_2.otf', options.titleFont);
  options.pages.forEach((page, i) => zip.file(`Doc_0/Pages/Page_${i}/Content.xml`, pageXml(page)));
  for (const t of templates) zip.file(`Doc_0/Tpls/Tpl_${t.id}/Content.xml`, pageXml(t.page));
  if (signed) {
    zip.file('Doc_0/Signs/Signatures.xml', xml(`<ofd:Signatures ${NS}><ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`));
    zip.file(
      'Doc_0/Signs/Sign_0/Signature.xml',
      xml(
        `<ofd:Signature ${NS}><ofd:SignedInfo><ofd:Provider ProviderName="某电子签章系统" Version="1.0"/><ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod><ofd:SignatureDateTime>20240315100000Z</ofd:SignatureDateTime><ofd:StampAnnot ID="1" PageRef="1" Boundary="${options.sealOnFirstPage!.join(' ')}"/><ofd:Seal><ofd:BaseLoc>Seal.png</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo><ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>`,
      ),
    );
    zip.file('Doc_0/Signs/Sign_0/Seal.png', await sealPng());
    zip.file('Doc_0/Signs/Sign_0/SignedValue.dat', Buffer.from('3082 not verified'));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A word found only in the 红头 公文's body, for the search check. */
export const OFD_ONLY_WORD = '梧桐巷睦邻驿站';

/**
 * 红头 公文: red 小标宋 title at the top (its font embedded: a bold Noto subset stands in for the
 * writer's 方正小标宋 subset), the red rule under the 发文字号, 仿宋 body, the unit's seal.
 */
export async function redHeadOfd(embedTitleFont = true): Promise<Buffer> {
  return buildOfd({
    title: '关于开展文明创建工作的通知',
    titleFont: embedTitleFont ? await subsetNoto('bold', '某某市文明办文件关于开展文明创建工作的通知') : undefined,
    pages: [
      {
        texts: [
          { x: 30, y: 45, size: 15, text: '某某市文明办文件', font: 2, color: '255 0 0' },
          { x: 72, y: 70, size: 5.6, text: '文明办〔2024〕3号' },
          { x: 38, y: 95, size: 7.8, text: '关于开展文明创建工作的通知', font: 2 },
          { x: 28, y: 115, size: 5.6, text: '各街道、各有关单位：' },
          { x: 39, y: 127, size: 5.6, text: `为深入推进全国文明城市创建，现将${OFD_ONLY_WORD}` },
          { x: 28, y: 139, size: 5.6, text: '志愿服务活动安排通知如下，请认真组织落实。' },
          { x: 120, y: 200, size: 5.6, text: '某某市文明办' },
          { x: 118, y: 212, size: 5.6, text: '2024年3月15日' },
        ],
        redRules: [{ x0: 25, x1: 185, y: 78 }],
      },
    ],
    sealOnFirstPage: [115, 180, 42, 42],
  });
}

/** A blue square, as a picture placed on a page. */
function bluePng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 64, channels: 3, background: '#1040e0' } }).png().toBuffer();
}

/** An A4 page with a picture, then a landscape A4 page (its own PhysicalBox). */
export async function twoPageOfd(): Promise<Buffer> {
  return buildOfd({
    images: [{ id: 60, png: await bluePng() }],
    pages: [
      { texts: [{ x: 28, y: 40, size: 5.6, text: '第一页：创建工作台账' }], image: { id: 60, boundary: [60, 100, 90, 60] } },
      { texts: [{ x: 28, y: 40, size: 5.6, text: '第二页：志愿服务记录汇总' }], size: [297, 210] },
    ],
  });
}

/** A part that declares a DTD with an entity (a “billion laughs” in the making). */
export async function withDtd(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await templateOfd());
  const page = await zip.file('Doc_0/Pages/Page_0/Content.xml')!.async('string');
  zip.file('Doc_0/Pages/Page_0/Content.xml', page.replace('<ofd:Page', '<!DOCTYPE p [<!ENTITY a "aaaaaaaa">]><ofd:Page'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function templateOfd(): Promise<Buffer> {
  return buildOfd({
    templates: [{ id: 50, page: { texts: [{ x: 80, y: 285, size: 4, text: '市文明办模板页脚', font: 4 }] } }],
    pages: [{ texts: [{ x: 28, y: 40, size: 5.6, text: '正文在模板之上' }], template: { id: 50, zOrder: 'Background' } }],
  });
}

/** A ZIP with pages but no OFD.xml (not an OFD at all). */
export async function withoutOfdXml(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await twoPageOfd());
  zip.remove('OFD.xml');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** OFD.xml names Doc_0/Document.xml, which is not in the package. */
export async function missingDocumentXml(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await twoPageOfd());
  zip.remove('Doc_0/Document.xml');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The first 60 %: a download cut short. */
export async function truncatedOfd(): Promise<Buffer> {
  const whole = await redHeadOfd();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/**
 * One entry marked encrypted (general purpose bit 0, in its local header and its central
 * directory record), as a password-protected zip has it.
 */
export async function encryptedEntryOfd(): Promise<Buffer> {
  const bytes = Buffer.from(await twoPageOfd());
  const target = 'Doc_0/Document.xml';
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    const sig = bytes.readUInt32LE(at);
    if (sig === 0x04034b50 && bytes.toString('utf8', at + 30, at + 30 + bytes.readUInt16LE(at + 26)) === target) bytes.writeUInt16LE(bytes.readUInt16LE(at + 6) | 1, at + 6);
    if (sig === 0x02014b50 && bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)) === target) bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
  }
  return bytes;
}

/** A page whose XML unpacks to 70 MB (a comment of one letter repeated) from some 70 KB: a zip bomb. */
export async function xmlBombOfd(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await templateOfd());
  const page = await zip.file('Doc_0/Pages/Page_0/Content.xml')!.async('string');
  zip.file('Doc_0/Pages/Page_0/Content.xml', `${page}<!--${'a'.repeat(70 * 1024 * 1024)}-->`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Page BaseLocs written from the package root without a leading slash, as some writers do. */
export async function rootRelativePagesOfd(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await twoPageOfd());
  const doc = await zip.file('Doc_0/Document.xml')!.async('string');
  zip.file('Doc_0/Document.xml', doc.replaceAll('BaseLoc="Pages/', 'BaseLoc="Doc_0/Pages/'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
