import { openPhoto } from '../../photos/photoSource';
import { unusable, usable, type Probe } from './types';

/**
 * Decode the whole image once: a truncated JPEG has a valid header but fails here. HEIC is
 * decoded as the import decodes it (see photos/photoSource.ts), its rotation already applied.
 */
export async function probeImage(file: string): Promise<Probe> {
  try {
    const photo = await openPhoto(file, 'error');
    const meta = await photo.image().metadata();
    await photo.image().resize(8, 8).toBuffer();
    const swap = (meta.orientation ?? 1) >= 5;
    return usable({ pageCount: 1, width: (swap ? meta.height : meta.width) ?? null, height: (swap ? meta.width : meta.height) ?? null });
  } catch {
    return unusable('图片无法解码（文件损坏或不完整）');
  }
}
