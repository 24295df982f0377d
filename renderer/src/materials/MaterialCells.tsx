import { Tag, Tooltip, Typography } from 'antd';
import type { Indicator, Material } from '../../../shared/domain';
import { formatSize } from '../common/format';
import { Highlight } from '../search/Highlight';

export const NOT_MERGEABLE = '加密文件，无法合并入迎检资料';

interface TitleProps {
  material: Material;
  highlight?: string;
  snippet?: string;
  onOpen?: (material: Material) => void;
}

/** 题名 (a link to the details), the file it came from, and the text around a search match. */
export function TitleCell({ material: m, highlight = '', snippet, onOpen }: TitleProps) {
  return (
    <div style={{ minWidth: 0 }}>
      <a
        onClick={(e) => {
          e.preventDefault();
          onOpen?.(m);
        }}
        href="#"
        data-testid="material-title"
        title="查看详情和预览"
      >
        <Highlight text={m.title} query={highlight} />
      </a>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.kind === 'photo_group' ? `${m.photos.length} 张照片` : m.originalName} · {formatSize(m.size)}
        </Typography.Text>
      </div>
      {snippet && (
        <div data-testid="search-snippet" style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
          <Highlight text={snippet} query={highlight} />
        </div>
      )}
    </div>
  );
}

/** The indicators a material is filed under, by code; 未归类 when none. */
export function IndicatorTags({ ids, indicators }: { ids: number[]; indicators: Map<number, Indicator> }) {
  if (ids.length === 0) return <Typography.Text type="secondary">未归类</Typography.Text>;
  return ids.map((id) => {
    const ind = indicators.get(id);
    return (
      <Tooltip key={id} title={ind?.title}>
        <Tag>{ind?.code ?? id}</Tag>
      </Tooltip>
    );
  });
}

/** Whether it can go into a packet PDF, and the clerk's 备注. */
export function NoteCell({ material: m }: { material: Material }) {
  return (
    <>
      {!m.mergeable && (
        <Tag color="orange" data-testid="not-mergeable" style={{ whiteSpace: 'normal' }}>
          {NOT_MERGEABLE}
        </Tag>
      )}
      {m.note && <Typography.Text>{m.note}</Typography.Text>}
    </>
  );
}
