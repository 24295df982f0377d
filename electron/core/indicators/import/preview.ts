import type { ImportPreview, PreviewIndicator, PreviewLevel } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import { codeModeOf } from './codeMode';
import { applyChoices, type IndicatorTables } from './index';
import { systemHasTraditional } from './simplified';
import { unitsOf } from './unitRenames';
import { systemOf } from './parseCache';
import { cleanCell, isBlankRow } from './text';
import type { ImportChoices, ParsedSystem } from './types';

/** Rows shown for mapping columns by hand: the header and a few below it. */
const SAMPLE_ROWS = 8;

/**
 * What importing would give, for the clerk to check before anything is saved. A file whose
 * header is not recognised (or whose mapping yields nothing) is not an error here: the preview
 * says why and shows the first rows, so the clerk can map the columns by hand.
 */
export function previewTables(read: IndicatorTables, choices: ImportChoices = {}, registered: ReadonlySet<string> = new Set()): ImportPreview {
  const { mapping } = choices;
  // Cleaned as the tree step cleans them, only where the preview looks (a 20,000-row sheet stays one pass).
  const tables = read.tables;
  const blank = (row: readonly string[]) => isBlankRow(row.map(cleanCell));
  let parsed: ParsedSystem | null = null;
  let problem: string | null = null;
  let traditional = false;
  try {
    const asRead = systemOf(read, choices);
    traditional = systemHasTraditional(asRead);
    parsed = applyChoices(asRead, choices);
  } catch (err) {
    // Empty files and unreadable mappings have nothing to map: those stay errors.
    if (!(err instanceof ApiError) || err.code !== 'bad_input' || tables.every((t) => t.rows.every(blank))) throw err;
    problem = err.message;
  }
  const used = parsed?.mapping ?? mapping ?? null;
  const tableIndex = used?.table ?? Math.max(0, tables.findIndex((t) => !t.rows.every(blank)));
  const rows = tables[tableIndex]?.rows ?? [];
  const sampleStart = used ? used.headerRow : Math.max(0, rows.findIndex((r) => !blank(r)));
  const indicators = parsed ? previewIndicators(parsed) : [];
  return {
    fileName: read.fileLabel,
    name: parsed?.name ?? read.fallbackName,
    tables: tables.map((t) => t.label),
    mapping: used,
    mappingSource: mapping ? 'manual' : parsed ? 'detected' : null,
    sampleRows: rows.slice(sampleStart, sampleStart + SAMPLE_ROWS).map((r) => r.map(cleanCell)),
    sampleStart,
    indicators,
    levels: levelsOf(indicators),
    warnings: parsed?.warnings ?? [],
    problem,
    codeMode: parsed ? codeModeOf(parsed) : 'position',
    sections: parsed?.sections ?? [],
    skippedRows: parsed?.skippedRows ?? [],
    units: unitsOf(indicators, registered),
    traditional,
  };
}

function previewIndicators(parsed: ParsedSystem): PreviewIndicator[] {
  const depth = new Map<string, number>();
  return parsed.indicators.map((i) => {
    const d = i.parentCode === null ? 1 : (depth.get(i.parentCode) ?? 0) + 1;
    depth.set(i.code, d);
    return { ...i, depth: d };
  });
}

/** Counts and score totals per level; veto and bonus items are counted apart from the score. */
export function levelsOf(indicators: readonly PreviewIndicator[]): PreviewLevel[] {
  const levels: PreviewLevel[] = [];
  for (const i of indicators) {
    const level = (levels[i.depth - 1] ??= { depth: i.depth, count: 0, scoreTotal: 0, bonusTotal: 0, vetoCount: 0 });
    level.count++;
    if (i.kind === 'veto') level.vetoCount++;
    else if (i.kind === 'bonus') level.bonusTotal += i.score ?? 0;
    else level.scoreTotal += i.score ?? 0;
  }
  for (const l of levels) {
    l.scoreTotal = Math.round(l.scoreTotal * 1000) / 1000;
    l.bonusTotal = Math.round(l.bonusTotal * 1000) / 1000;
  }
  return levels;
}
