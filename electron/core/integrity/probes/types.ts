/** What opening a stored file as its format found. */
export interface Probe {
  /** null when the file opened as its format; otherwise why not (Chinese). */
  unusable: string | null;
  /** Set when no real reader could try it here: reported as 未能检查, never as passed. */
  unchecked?: string;
  /** Damage a reader gets past (a repaired PDF): a usability warning. */
  damage?: string;
  pageCount?: number | null;
  width?: number | null;
  height?: number | null;
  /** Security findings (Chinese), e.g. “PDF 已加密”. */
  security: string[];
}

export const usable = (extra: Partial<Probe> = {}): Probe => ({ unusable: null, security: [], ...extra });
export const unusable = (reason: string): Probe => ({ unusable: reason, security: [] });
export const unchecked = (reason: string): Probe => ({ unusable: null, unchecked: reason, security: [] });

/** A parse the worker had to stop: what to tell the clerk. */
export function stoppedProbe(stopped: 'timeout' | 'memory' | 'crash', format: string): Probe {
  if (stopped === 'memory') return unusable(`${format} 打开时所需内存超过上限（文件异常，或为压缩炸弹）`);
  if (stopped === 'timeout') return unchecked(`${format} 在限定时间内未能打开完毕，未能检查可用性`);
  return unusable(`${format} 打开时解析程序异常退出（文件可能已损坏）`);
}
