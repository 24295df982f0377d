import { MinutesUnreadable, readMinutes } from '../../packets/htmlSources';
import { unusable, usable, type Probe } from './types';

/** A 会议纪要 made in the app: its JSON reads back as the form (what the packet prints from). */
export async function probeMinutes(file: string): Promise<Probe> {
  try {
    await readMinutes(file);
    return usable({ pageCount: 1 });
  } catch (err) {
    if (err instanceof MinutesUnreadable) return unusable('会议纪要的内容无法读取（不是本程序保存的表单格式）');
    throw err;
  }
}
