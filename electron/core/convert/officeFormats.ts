import { probeFile } from '../integrity/probes';
import { OFFICE_PASSWORD } from '../integrity/probes/officeProbe';

export const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const PPT_MEDIA_TYPE = 'application/vnd.ms-powerpoint';

/** Legacy Office, WPS and slide formats LibreOffice turns into pages, with the extension it reads them by. */
const OFFICE_EXTENSIONS: Record<string, string> = {
  'application/msword': '.doc',
  'application/vnd.ms-works': '.wps',
  'application/vnd.ms-excel': '.xls',
  [PPT_MEDIA_TYPE]: '.ppt',
  [PPTX_MEDIA_TYPE]: '.pptx',
};

export const isOfficeToConvert = (mediaType: string): boolean => mediaType in OFFICE_EXTENSIONS;
export const officeExtension = (mediaType: string): string => OFFICE_EXTENSIONS[mediaType] ?? '.doc';

/** Why a file cannot be opened, found before LibreOffice is asked (it would fail, or wait on a password). */
export type OfficeRefusal = 'password' | 'damaged';

/** The 四性检测 probe decides: the packet and the check name the same files. */
export async function officeRefusal(file: string, mediaType: string): Promise<OfficeRefusal | null> {
  const probe = await probeFile(file, mediaType, `source${officeExtension(mediaType)}`);
  if (probe.security.includes(OFFICE_PASSWORD)) return 'password';
  return probe.unusable ? 'damaged' : null;
}
