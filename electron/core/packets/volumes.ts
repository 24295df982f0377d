import type { Filing, PacketPlan, PlanSection } from './plan';
import { subPlan } from './plan';

/**
 * What a filing is likely to add to the PDF, before any of it is built: photos shrink to about
 * 0.6 MB at the standard size, documents rendered by Chromium grow a little, PDFs stay as they are.
 */
export function estimateBytes(filing: Filing): number {
  const size = filing.material.size;
  switch (filing.source.type) {
    case 'image':
      return Math.min(size, 700_000);
    case 'photoGroup':
      return Math.max(1, filing.material.photos.length) * 700_000;
    case 'pdf':
      return size;
    case 'docx':
    case 'ofd':
    case 'spreadsheet':
      return size * 1.5 + 100_000;
    case 'media':
      return 300_000; // six small frames
    default:
      return 60_000;
  }
}

/**
 * Cut the packet into volumes at indicator boundaries so no volume's PDF (which pdf-lib holds in
 * memory whole) is expected to pass `maxBytes`. One indicator larger than that still gets a
 * volume of its own. 件号 and 档号 run on across volumes.
 */
export function splitVolumes(plan: PacketPlan, maxBytes: number): PacketPlan[] {
  const volumes: PlanSection[][] = [[]];
  let size = 0;
  for (const section of plan.sections) {
    const bytes = section.filings.reduce((n, f) => n + estimateBytes(f), 30_000);
    const current = volumes[volumes.length - 1];
    if (current.length > 0 && size + bytes > maxBytes) {
      volumes.push([section]);
      size = bytes;
    } else {
      current.push(section);
      size += bytes;
    }
  }
  return volumes.map((sections) => subPlan(plan, sections));
}
