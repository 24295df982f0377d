import { CalendarOutlined } from '@ant-design/icons';
import { Button, Calendar, Input, Popover } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { clerkDateHint, parseClerkDate } from '../../../shared/domain';
import { formatDate } from './format';

interface Props {
  id?: string;
  /** Eight digits (20230615), '' for none, or what the clerk is typing. */
  value?: string;
  onChange?: (value: string) => void;
  width?: number;
}

/**
 * A date typed as the clerk writes it (2023-06-15, 2023.6.15, 2023年6月15日, 20230615) or
 * picked on a calendar. The form gets eight digits once what is typed reads as a date; until
 * then the text itself, which `dateRule` refuses at the field.
 */
export function DateField({ id, value = '', onChange, width = 170 }: Props) {
  const [typing, setTyping] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const digits = parseClerkDate(value);
  const picked = digits ? dayjs(formatDate(digits)) : undefined;
  return (
    <Input
      id={id}
      style={{ width }}
      value={typing ?? formatDate(value)}
      placeholder="2023-06-15"
      title={clerkDateHint}
      onChange={(e) => {
        setTyping(e.target.value);
        onChange?.(parseClerkDate(e.target.value) ?? e.target.value);
      }}
      // Out of the field, what was typed shows as 2023-06-15 (or as typed, when it is no date).
      onBlur={() => setTyping(null)}
      suffix={
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          placement="bottomRight"
          content={
            <div style={{ width: 280 }} data-testid="date-picker">
              <Calendar
                fullscreen={false}
                value={picked && picked.isValid() ? picked : undefined}
                onSelect={(day, info) => {
                  if (info.source !== 'date') return;
                  onChange?.(day.format('YYYYMMDD'));
                  setTyping(null);
                  setOpen(false);
                }}
              />
            </div>
          }
        >
          <Button type="text" size="small" icon={<CalendarOutlined />} aria-label="日历" title="从日历中选" data-testid="date-picker-open" />
        </Popover>
      }
    />
  );
}

/** The form rule for a DateField: the clerk's own writing refused at the field, with the forms that work. */
export const dateRule = {
  validator: (_: unknown, value: string | undefined) =>
    parseClerkDate(value ?? '') === null ? Promise.reject(new Error(`不是有效日期，${clerkDateHint}`)) : Promise.resolve(),
};
