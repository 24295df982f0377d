import { describe, expect, it } from 'vitest';
import { formatArchivalCode, retentionCode } from '../../electron/core/archival/archivalCode';
import { packetNames, safeName, volumeName } from '../../electron/core/packets/naming';

describe('safeName (Windows-safe path components)', () => {
  it('replaces forbidden characters with readable full-width forms', () => {
    expect(safeName('2023/2024 总结: "初稿"?*<>|\\')).toBe('2023／2024 总结： ＂初稿＂？＊＜＞｜＼');
  });

  it('drops control characters and trailing dots and spaces', () => {
    expect(safeName('会议纪要\t第一次\n. . ')).toBe('会议纪要 第一次');
  });

  it('escapes reserved device names, with or without extension', () => {
    expect(safeName('CON')).toBe('_CON');
    expect(safeName('aux.txt')).toBe('_aux.txt');
    expect(safeName('COM1')).toBe('_COM1');
    expect(safeName('CONTEXT')).toBe('CONTEXT');
  });

  it('caps the length between code points and never returns an empty name', () => {
    expect([...safeName('字'.repeat(200), 60)]).toHaveLength(60);
    expect(safeName('𠀀'.repeat(10), 3)).toBe('𠀀𠀀𠀀');
    expect(safeName(' ... ')).toBe('未命名');
  });

  it('names the outputs after the dossier', () => {
    expect(packetNames('市文明办: 2024')).toEqual({
      pdf: '市文明办： 2024-迎检资料.pdf',
      xlsx: '市文明办： 2024-归档文件目录.xlsx',
      folder: '市文明办： 2024-材料',
      zip: '市文明办： 2024-材料.zip',
      online: '市文明办： 2024-网上申报',
      gaps: '市文明办： 2024-缺项报告（内部）.xlsx',
    });
    expect(volumeName('甲-迎检资料.pdf', 2, 3)).toBe('甲-迎检资料（第2册）.pdf');
    expect(volumeName('甲-迎检资料.pdf', 1, 1)).toBe('甲-迎检资料.pdf');
  });
});

describe('档号 rule', () => {
  const parts = { fonds: 'Z012', year: '2024', retention: 'D30', item: '0007' };
  it('fills 全宗号-年度-保管期限-件号', () => {
    expect(formatArchivalCode('{全宗号}-{年度}-{保管期限}-{件号}', parts)).toBe('Z012-2024-D30-0007');
  });
  it('drops the separator of an empty part, keeps a prefix and a suffix', () => {
    expect(formatArchivalCode('{全宗号}-{年度}-{保管期限}-{件号}', { ...parts, fonds: '' })).toBe('2024-D30-0007');
    expect(formatArchivalCode('WM·{年度}-{件号}号', parts)).toBe('WM·2024-0007号');
  });
  it('maps DA/T 22 retention words to their codes', () => {
    expect(retentionCode('永久', 'D10')).toBe('Y');
    expect(retentionCode('定期30年', 'D10')).toBe('D30');
    expect(retentionCode('', 'D10')).toBe('D10');
  });
});
