export interface AppInfo {
  archivePath: string;
  version: string;
  /** What this transport can do that others cannot (e.g. native dialogs). */
  transport: 'electron' | 'http' | 'direct';
  /** Which program turns legacy Word/Excel, WPS and slides into pages, or which to install (Chinese). */
  officeConverter: string;
}
