// Safe zip helpers for every zip the app reads or writes (backups, folder exports, bundles).
export { entryTarget, unsafeEntryReason } from './entryPath';
export { DEFAULT_ZIP_LIMITS, UnsafeZipError, extractZip, formatBytes, listZip, readZipEntry, type UnsafeZipKind, type ZipEntryInfo, type ZipLimits } from './readZip';
export { writeZip, type ZipSource } from './writeZip';
