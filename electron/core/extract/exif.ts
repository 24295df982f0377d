import exifr from 'exifr';
import sharp from 'sharp';
import type { PhotoExif } from '../../../shared/domain';

const pad = (n: number) => String(n).padStart(2, '0');

/** Cameras write local time without a zone; exifr reads it as local, so format it back as local. */
function localStamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const OPTIONS = { tiff: true, exif: true, gps: true, ifd1: false, xmp: false, icc: false, iptc: false };

/**
 * Date taken, GPS position and camera from a photo's EXIF; null where the photo says nothing.
 * exifr reads the file itself; where it finds nothing, the EXIF block libvips extracts is read
 * instead: exifr misses it in HEIC files whose item locations use a base offset (as libheif
 * writes them), which libvips parses right.
 */
export async function readExif(file: string): Promise<PhotoExif | null> {
  return (await exifFrom(file)) ?? (await exifFrom(await embeddedExif(file)));
}

async function embeddedExif(file: string): Promise<Buffer | null> {
  try {
    return (await sharp(file).metadata()).exif ?? null;
  } catch {
    return null;
  }
}

async function exifFrom(source: string | Buffer | null): Promise<PhotoExif | null> {
  if (!source) return null;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(source, OPTIONS)) as Record<string, unknown> | undefined;
  } catch {
    return null;
  }
  if (!tags) return null;
  const taken = tags.DateTimeOriginal ?? tags.CreateDate ?? tags.DateTime;
  const takenAt = taken instanceof Date && !Number.isNaN(taken.getTime()) ? localStamp(taken) : null;
  const lat = tags.latitude;
  const lon = tags.longitude;
  const gps =
    typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)
      ? { latitude: Number(lat.toFixed(6)), longitude: Number(lon.toFixed(6)) }
      : null;
  const make = typeof tags.Make === 'string' ? tags.Make.trim() : '';
  const model = typeof tags.Model === 'string' ? tags.Model.trim() : '';
  const camera = model.toLowerCase().startsWith(make.toLowerCase()) ? model : [make, model].filter(Boolean).join(' ');
  if (!takenAt && !gps && !camera) return null;
  return { takenAt, gps, camera: camera || null };
}
