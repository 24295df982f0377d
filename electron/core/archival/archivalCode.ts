import type { ArchivalCodeRule, ArchivalParts, Dossier, Material } from '../../../shared/domain';
import type { Db } from '../archive/database';

// DA/T 22: 永久 Y, 定期30年 D30, 定期10年 D10 (older 长期/短期 map to the nearest).
const RETENTION_CODES: [RegExp, string][] = [
  [/^(y|永久)$/i, 'Y'],
  [/^(d30|定期\s*30\s*年|30年|长期)$/i, 'D30'],
  [/^(d10|定期\s*10\s*年|10年|短期)$/i, 'D10'],
];

export function retentionCode(value: string, fallback: string): string {
  const v = value.trim();
  for (const [re, code] of RETENTION_CODES) if (re.test(v)) return code;
  return v || fallback.trim();
}

/** 年度: the material's own date, else the dossier's period, else the year of numbering. */
export function yearOf(material: Material, dossier: Dossier, now: Date): string {
  const own = /^(\d{4})/.exec(material.date.trim());
  if (own) return own[1];
  const period = /(\d{4})/.exec(dossier.period);
  return period ? period[1] : String(now.getFullYear());
}

/** A material's 档号 parts by the rule, before its 件号 is known (item left empty). */
export function classParts(rule: ArchivalCodeRule, material: Material, dossier: Dossier, now: Date): ArchivalParts {
  return {
    fonds: rule.fondsNumber.trim(),
    year: yearOf(material, dossier, now),
    retention: retentionCode(material.retention, rule.defaultRetention),
    item: '',
  };
}

export function itemText(rule: ArchivalCodeRule, itemNumber: number): string {
  return String(itemNumber).padStart(rule.itemDigits, '0');
}

/**
 * Fill the rule's tokens. A separator is written only between two non-empty values, so
 * “{全宗号}-{年度}-…” without a fonds number gives “2024-D10-0001”, not “-2024-D10-0001”.
 * Literal text before the first token (a prefix) and after the last is kept. With the 件号
 * left empty it gives the class the 件号 count within (“2024-D10”).
 */
export function formatArchivalCode(pattern: string, parts: ArchivalParts): string {
  const values: Record<string, string> = {
    全宗号: parts.fonds,
    年度: parts.year,
    保管期限: parts.retention,
    件号: parts.item,
  };
  const pieces = pattern.split(/(\{[^}]+\})/).filter((p) => p !== '');
  let out = '';
  let wroteValue = false;
  let pending = '';
  pieces.forEach((piece, i) => {
    const token = /^\{([^}]+)\}$/.exec(piece);
    if (!token) {
      if (!pieces.slice(0, i).some((p) => p.startsWith('{'))) out += piece;
      else if (!pieces.slice(i + 1).some((p) => p.startsWith('{'))) pending += `\u0000${piece}`;
      else pending = piece;
      return;
    }
    const value = values[token[1]] ?? '';
    if (value === '') return;
    if (wroteValue) out += pending;
    out += value;
    wroteValue = true;
    pending = '';
  });
  // A suffix after the last token.
  if (pending.startsWith('\u0000')) out += pending.replace(/\u0000/g, '');
  return out;
}

/** The stored 档号 parts of a numbered material (what the 归档章 shows). */
export function storedArchivalParts(db: Db, materialId: number): ArchivalParts | null {
  const text = db.prepare('SELECT archival_parts FROM material WHERE id = ?').pluck().get(materialId) as string | undefined;
  if (!text) return null;
  try {
    return JSON.parse(text) as ArchivalParts;
  } catch {
    return null;
  }
}
