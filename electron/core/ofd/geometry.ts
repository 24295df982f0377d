import type { Box, Matrix } from './model';

/** OFD numbers are separated by spaces (some writers add commas). */
export function numbers(value: string | undefined): number[] {
  if (!value) return [];
  return value
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/** A Boundary: a rule may be 0 wide or high (its stroke is what shows); negative sizes are not boxes. */
export function parseBox(value: string | undefined): Box | null {
  const [x, y, w, h] = numbers(value);
  if ([x, y, w, h].some((n) => n === undefined) || w < 0 || h < 0) return null;
  return { x, y, w, h };
}

/** A page's PhysicalBox: a box with an area. */
export function parsePageBox(value: string | undefined): Box | null {
  const box = parseBox(value);
  return box && box.w > 0 && box.h > 0 ? box : null;
}

export function parseMatrix(value: string | undefined): Matrix | null {
  const m = numbers(value);
  return m.length === 6 ? (m as Matrix) : null;
}

/**
 * DeltaX/DeltaY: a list of steps where “g 3 5.2” stands for three steps of 5.2. Returns `count`
 * steps; missing ones repeat the last given step, or `fallback` when none was.
 */
export function expandDeltas(value: string | undefined, count: number, fallback: (i: number) => number): number[] {
  const tokens = (value ?? '').trim().split(/[\s,]+/).filter(Boolean);
  const steps: number[] = [];
  for (let i = 0; i < tokens.length && steps.length < count; i += 1) {
    if (tokens[i] === 'g') {
      const times = Number(tokens[i + 1]);
      const step = Number(tokens[i + 2]);
      i += 2;
      if (!Number.isFinite(times) || !Number.isFinite(step)) continue;
      for (let k = 0; k < times && steps.length < count; k += 1) steps.push(step);
    } else {
      const step = Number(tokens[i]);
      if (Number.isFinite(step)) steps.push(step);
    }
  }
  while (steps.length < count) steps.push(steps.length ? steps[steps.length - 1] : fallback(steps.length));
  return steps;
}

/** OFD's AbbreviatedData (S/M L B Q A C) as SVG path data; unknown operators end the path. */
export function abbreviatedToSvg(data: string): string {
  const tokens = data.trim().split(/[\s,]+/).filter(Boolean);
  const arity: Record<string, [string, number]> = { S: ['M', 2], M: ['M', 2], L: ['L', 2], Q: ['Q', 4], B: ['C', 6], A: ['A', 7], C: ['Z', 0] };
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const op = arity[tokens[i]];
    if (!op) break;
    const args = tokens.slice(i + 1, i + 1 + op[1]).map(Number);
    if (args.length < op[1] || args.some((n) => !Number.isFinite(n))) break;
    out.push([op[0], ...args].join(' '));
    i += 1 + op[1];
  }
  return out.join(' ');
}
