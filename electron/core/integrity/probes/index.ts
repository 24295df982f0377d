import { MINUTES_MEDIA_TYPE, OFD_MEDIA_TYPE } from '../../../../shared/domain';
import { probeImage } from './imageProbe';
import { probeMedia } from './mediaProbe';
import { probeMinutes } from './minutesProbe';
import { probeOfd } from './ofdProbe';
import { probeOle, probeOoxml, probeZip } from './officeProbe';
import { probePdf } from './pdfProbe';
import { probeText } from './textProbe';
import { unchecked, unusable, type Probe } from './types';

export type { Probe } from './types';

const OLE_TYPES = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-works', 'application/vnd.ms-powerpoint', 'application/x-cfb']);

/**
 * Open a stored file as the format it was filed as, with a real reader for each; what no reader
 * here can open is “未能检查”, never passed. A probe that fails in an unexpected way is named
 * too: one odd file never ends the check of the others.
 */
export async function probeFile(file: string, mediaType: string, originalName: string): Promise<Probe> {
  try {
    return await probeByType(file, mediaType, originalName);
  } catch {
    return unusable('检查时无法读取此文件（文件损坏，或格式与登记不符）');
  }
}

function probeByType(file: string, mediaType: string, originalName: string): Promise<Probe> {
  const lower = mediaType.toLowerCase();
  if (lower === 'application/pdf') return probePdf(file);
  if (lower === MINUTES_MEDIA_TYPE) return probeMinutes(file);
  if (lower.startsWith('image/')) return probeImage(file);
  if (lower.startsWith('video/') || lower.startsWith('audio/')) return probeMedia(file, lower);
  if (lower === 'text/plain') return probeText(file);
  if (lower.startsWith('application/vnd.openxmlformats-officedocument.') || lower.includes('macroenabled')) {
    return probeOoxml(file, originalName);
  }
  if (OLE_TYPES.has(lower)) return probeOle(file, lower);
  if (lower === OFD_MEDIA_TYPE) return probeOfd(file);
  if (lower === 'application/zip') return probeZip(file);
  return Promise.resolve(unchecked('不是本程序能打开检查的格式，未能检查可用性'));
}
