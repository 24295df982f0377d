import { listZip, DEFAULT_ZIP_LIMITS } from '../zip';

/** Whether a ZIP's directory lists OFD.xml at its root; false when the directory does not read. */
export async function isOfdPackage(file: string): Promise<boolean> {
  try {
    return (await listZip(file, DEFAULT_ZIP_LIMITS)).some((e) => e.name.replace(/^\//, '') === 'OFD.xml');
  } catch {
    return false;
  }
}
