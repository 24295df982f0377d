// Dates as a clerk types them, read as DA/T 22's eight digits by the one reader every form,
// schema and CLI option uses.
import { describe, expect, it } from 'vitest';
import { parseClerkDate } from '../../shared/domain';

describe('a date as a clerk writes it', () => {
  it('reads the usual writings as eight digits', () => {
    for (const typed of ['2023-06-15', '2023.6.15', '2023年6月15日', '20230615', '2023/06/15', ' 2023 年 6 月 15 日 ', '2023年6月15', '２０２３．６．１５']) {
      expect(parseClerkDate(typed), typed).toBe('20230615');
    }
  });

  it('leaves nothing as nothing, and refuses what is no date', () => {
    expect(parseClerkDate('')).toBe('');
    expect(parseClerkDate('   ')).toBe('');
    for (const typed of ['2023-02-29', '2024-13-01', '2023-06-', '20230631', '2023年6月', '六月十五日', '15.6.2023', '2023-6-15-1']) {
      expect(parseClerkDate(typed), typed).toBeNull();
    }
    // A leap year has the 29th of February.
    expect(parseClerkDate('2024-2-29')).toBe('20240229');
  });
});
