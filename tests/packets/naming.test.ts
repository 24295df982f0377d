import { describe, expect, it } from 'vitest';
import { packetNames, safeName } from '../../electron/core/packets/naming';

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

  it('names the three outputs after the dossier', () => {
    expect(packetNames('市文明办: 2024')).toEqual({
      pdf: '市文明办： 2024-迎检资料.pdf',
      xlsx: '市文明办： 2024-归档文件目录.xlsx',
      folder: '市文明办： 2024-材料',
    });
  });
});
