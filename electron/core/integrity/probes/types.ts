/** What opening a stored file as its format found. */
export interface Probe {
  /** null when the file opened as its format; otherwise why not (Chinese). */
  unusable: string | null;
  pageCount?: number | null;
  width?: number | null;
  height?: number | null;
  /** Security findings (Chinese), e.g. “PDF 已加密”. */
  security: string[];
}

export const usable = (extra: Partial<Probe> = {}): Probe => ({ unusable: null, security: [], ...extra });
export const unusable = (reason: string): Probe => ({ unusable: reason, security: [] });
