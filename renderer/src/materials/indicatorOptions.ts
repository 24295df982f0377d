import type { Indicator } from '../../../shared/domain';

export interface IndicatorOption {
  value: number;
  title: string;
  children: IndicatorOption[];
}

/** The indicator tree as options for a TreeSelect (“1.2 标题”), in tree order. */
export function indicatorOptions(indicators: Iterable<Indicator>): IndicatorOption[] {
  const all = [...indicators];
  const build = (parentId: number | null): IndicatorOption[] =>
    all
      .filter((i) => i.parentId === parentId)
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ value: i.id, title: `${i.code} ${i.title}`, children: build(i.id) }));
  return build(null);
}
