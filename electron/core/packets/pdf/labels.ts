// Every fixed Chinese string the generated pages draw. Kept in one place because the font is
// subset to exactly the characters used: `labelText` feeds the subsetter.

export const reasons = {
  encrypted: 'PDF 文件已加密并设置了打开密码，无法合并到迎检资料中，请取得无密码的版本后重新添加。',
  pdfUnreadable: 'PDF 文件无法解析（可能已损坏或格式不规范），未能合并。',
  pdfEmpty: 'PDF 文件中没有页面。',
  pdfHostile: 'PDF 文件内容解压后异常庞大（可能是恶意构造的“解压炸弹”文件），为安全起见未合并，请查看四性检测报告。',
  missing: '档案库中找不到该材料的原件（文件缺失），请运行完整性检查。',
  video: '视频文件无法放入 PDF，请查看原件。',
  media: '音视频文件无法放入 PDF，迎检资料中以说明页代替（时长、画面截取和原件位置）。',
  imageUndecodable: '图片无法解码（文件已损坏或不完整），请找到原始照片后重新添加。',
  noRenderer: '本机未找到可用的 Chromium 或 Edge 浏览器，无法将 Word 文档、OFD 公文或文本文件转换为 PDF。',
  convertFailed: '文档转换为 PDF 失败（文件可能已损坏或含有无法处理的内容）。',
  officeRefused: '文件含有不安全的内容（DTD 或外部实体声明）或内容过大，已拒绝转换，请查看原件。',
  ofdUnreadable: 'OFD 文件无法打开（已损坏、不完整或设有密码），未能转换，请查看原件或四性检测报告。',
  noOffice: '未找到 LibreOffice，请安装 LibreOffice（免费软件）后重新导出。旧版 Word、Excel、PowerPoint 与 WPS 文件由它转换为页面。',
  officePassword: 'Office/WPS 文件设置了打开密码，无法转换，请取得无密码的版本后重新添加。',
  officeDamaged: 'Office/WPS 文件已损坏或不完整，无法打开，请取得完好的文件后重新添加。',
  officeFailed: 'LibreOffice 未能转换此文件（可能已损坏或格式异常），请另存为 PDF 后重新添加。',
  officeTimeout: 'LibreOffice 转换超时（文件过大或过于复杂），请另存为 PDF 后重新添加。',
  minutesUnreadable: '会议纪要的内容无法读取（格式不正确），请在程序中重新填写。',
  groupEmpty: '组照中没有可显示的照片。',
  other: '该类型的文件无法放入 PDF，请查看原件。',
} as const;

export type ReasonKey = keyof typeof reasons;

export const labels = {
  packetSuffix: '迎检资料',
  catalogue: '目　录',
  catalogueBookmark: '目录',
  compiledOn: '编制日期',
  unit: '编制单位',
  indicator: '测评指标',
  content: '测评内容',
  standard: '测评标准',
  score: '分值',
  selfScore: '自评得分',
  kind: '指标类型',
  methods: '测评方法',
  required: '应备材料',
  filed: '归档材料',
  veto: '否决项（一票否决）',
  vetoPresent: '存在',
  vetoExcluded: '已排除',
  bonus: '加分项',
  none: '暂无归档材料（缺项）',
  noneBranch: '本项下设指标，材料见各下级指标',
  placeholderHeading: '材料说明',
  title: '题名',
  materialKind: '材料类型',
  originalName: '原文件名',
  size: '文件大小',
  location: '原件位置',
  why: '未显示原因',
  sha256: '原件 SHA-256',
  keptNote: '该材料的原件已完整保存在档案库中，本页代替其内容编入迎检资料。',
  notExported: '本次未导出材料文件夹，原件可在档案库中按题名查找。',
  date: '日期',
  responsible: '责任者',
  docNumber: '文号',
  photoTime: '时间',
  place: '地点',
  people: '人物',
  cause: '事由、背景',
  photographer: '摄影者',
  groupPhoto: '组照',
  fonds: '全宗号',
  year: '年度',
  item: '件号',
  retention: '保管期限',
  pages: '页数',
  archivalCode: '档号',
  separator: '：',
  listSeparator: '、',
} as const;

export function scoreText(score: number): string {
  return `${score} 分`;
}

export function countText(n: number): string {
  return `${n} 件`;
}

/** “第 2 册 / 共 3 册” on the cover of a split packet. */
export function volumeText(volume: number, volumes: number): string {
  return `第 ${volume} 册 / 共 ${volumes} 册`;
}

export function groupPhotoText(n: number, total: number): string {
  return `（第 ${n} 张 / 共 ${total} 张）`;
}

export function footerText(page: number, total: number): string {
  return `第 ${page} 页 / 共 ${total} 页`;
}

/** 20230918 → 2023年9月18日; anything else as written. */
export function formatDate(date: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  if (!m) return date.trim();
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function todayText(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Everything fixed the pages may draw, plus the ASCII and punctuation numbers and dates are
 * made of, and the characters the formatting functions add.
 */
export const labelText: string = [
  ...Object.values(reasons),
  ...Object.values(labels),
  scoreText(0),
  countText(0),
  footerText(0, 0),
  volumeText(0, 0),
  groupPhotoText(0, 0),
  formatDate('20000101'),
  sizeText(0) + sizeText(2048) + sizeText(3 << 20),
  '…·—“”‘’（）《》【】〔〕，。；：？！',
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''),
].join('');
