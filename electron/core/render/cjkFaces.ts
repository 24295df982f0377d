/**
 * The faces Chinese Word and OFD documents name, and what stands in for each: the Windows face first
 * (SimSun, FangSong, KaiTi, SimHei ship with every Chinese Windows), then the macOS one, then
 * Noto CJK (Linux, fonts-noto-cjk). 方正小标宋 is seldom installed: 华文中宋 is its nearest
 * relative, then a bold serif; SimHei last, since a heavy title reads closer to it than to
 * SimSun. Names are matched as local() full or PostScript names.
 */
const SERIF = ['Noto Serif CJK SC', 'NotoSerifCJKsc-Regular', 'Source Han Serif SC', 'Songti SC'];
const FACES: { names: string[]; local: string[] }[] = [
  { names: ['宋体', 'SimSun', '新宋体', 'NSimSun', '宋体-简', '华文宋体', 'STSong'], local: ['SimSun', '宋体', 'NSimSun', 'STSong', ...SERIF] },
  {
    names: ['仿宋', '仿宋_GB2312', 'FangSong', 'FangSong_GB2312', '华文仿宋', 'STFangsong'],
    local: ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', ...SERIF],
  },
  {
    names: ['楷体', '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', '华文楷体', 'STKaiti'],
    local: ['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', 'Kaiti SC', ...SERIF],
  },
  {
    names: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
    local: ['SimHei', '黑体', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'Microsoft YaHei'],
  },
  {
    names: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', '小标宋', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '华文中宋', 'STZhongsong'],
    local: ['FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK', 'STZhongsong', '华文中宋', 'Noto Serif CJK SC Bold', 'NotoSerifCJKsc-Bold', 'SimHei'],
  },
];

export const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;

/** Aliases for the faces `markup` names only: each local() lookup costs Chromium time at print. */
export function fontFaces(markup: string): string {
  return FACES.flatMap(({ names, local }) =>
    names
      .filter((name) => markup.includes(name))
      .map((name) => `@font-face { font-family: ${cssString(name)}; src: ${local.map((l) => `local(${cssString(l)})`).join(', ')}; }`),
  ).join('\n');
}
