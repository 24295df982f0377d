import { MINUTES_MEDIA_TYPE } from '../../../../shared/domain';
import { probeImage } from './imageProbe';
import { probeMinutes } from './minutesProbe';
import { probeOle, probeOoxml, probeZip } from './officeProbe';
import { probePdf } from './pdfProbe';
import { usable, type Probe } from './types';

export type { Probe } from './types';

const OLE_TYPES = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-works', 'application/x-cfb']);

/** Open a stored file as the format it was filed as. */
export async function probeFile(file: string, mediaType: string, originalName: string): Promise<Probe> {
  if (mediaType === 'application/pdf') return probePdf(file);
  if (mediaType === MINUTES_MEDIA_TYPE) return probeMinutes(file);
  if (mediaType.startsWith('image/')) return probeImage(file);
  const lower = mediaType.toLowerCase();
  if (lower.startsWith('application/vnd.openxmlformats-officedocument.') || lower.includes('macroenabled')) {
    return probeOoxml(file, originalName);
  }
  if (OLE_TYPES.has(mediaType)) return probeOle(file);
  if (mediaType === 'application/zip') return probeZip(file);
  // Text, video and the rest: the signature check under authenticity is what applies.
  return usable();
}
