/** A text line found on the page, in pixels of the image given to the engine. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** DB post-processing thresholds of PaddleOCR's defaults (det_db_thresh, box_thresh, unclip_ratio). */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const MIN_SIDE = 3;

/**
 * Text regions of a DB probability map (width × height, values 0–1). Scans and photos of
 * documents hold upright lines, so each region is its connected component's upright bounding
 * box, grown as DB's unclip does (by area × ratio / perimeter); a rotated-rectangle fit adds
 * nothing for them. Boxes are scaled by `scaleX`/`scaleY` back to the source image.
 */
export function boxesFromMap(map: Float32Array, width: number, height: number, scaleX: number, scaleY: number): Box[] {
  const labels = new Int32Array(width * height);
  const stack: number[] = [];
  const boxes: Box[] = [];
  let label = 0;
  for (let start = 0; start < map.length; start += 1) {
    if (labels[start] !== 0 || map[start] <= PIXEL_THRESHOLD) continue;
    label += 1;
    labels[start] = label;
    stack.push(start);
    let minX = width, minY = height, maxX = 0, maxY = 0, sum = 0, count = 0;
    while (stack.length) {
      const at = stack.pop()!;
      const x = at % width;
      const y = (at - x) / width;
      sum += map[at];
      count += 1;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      // Four neighbours: enough for text, and lines a pixel apart stay apart.
      if (x > 0) visit(at - 1);
      if (x < width - 1) visit(at + 1);
      if (y > 0) visit(at - width);
      if (y < height - 1) visit(at + width);
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (Math.min(w, h) < MIN_SIDE || sum / count < BOX_THRESHOLD) continue;
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    const x0 = Math.max(0, minX - grow);
    const y0 = Math.max(0, minY - grow);
    const x1 = Math.min(width, maxX + 1 + grow);
    const y1 = Math.min(height, maxY + 1 + grow);
    boxes.push({ x: Math.round(x0 * scaleX), y: Math.round(y0 * scaleY), w: Math.round((x1 - x0) * scaleX), h: Math.round((y1 - y0) * scaleY) });
  }
  return readingOrder(boxes);

  function visit(at: number): void {
    if (labels[at] === 0 && map[at] > PIXEL_THRESHOLD) {
      labels[at] = label;
      stack.push(at);
    }
  }
}

/** Top to bottom; boxes whose middles share a line go left to right. */
export function readingOrder(boxes: Box[]): Box[] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Box[][] = [];
  for (const box of sorted) {
    const line = lines[lines.length - 1];
    const mid = box.y + box.h / 2;
    if (line && Math.abs(mid - (line[0].y + line[0].h / 2)) < Math.min(box.h, line[0].h) / 2) line.push(box);
    else lines.push([box]);
  }
  return lines.flatMap((line) => line.sort((a, b) => a.x - b.x));
}
