import { Tag, Tooltip } from 'antd';
import type { Indicator, Material } from '../../../shared/domain';
import { Muted } from '../common/Muted';
import { paintTimed } from '../common/paintTimed';
import { Highlight } from '../search/Highlight';
import { sourceLine } from './sourceLine';

export const NOT_MERGEABLE = '加密文件，无法合并入迎检资料';

interface TitleProps {
  material: Material;
  highlight?: string;
  snippet?: string;
  onOpen?: (material: Material) => void;
}

/**
 * 题名 on one line (a link to the details; the whole 题名 and its file on hover), a photo
 * group's count beside it, and the text around a search match on a line of its own.
 */
export function TitleCell({ material: m, highlight = '', snippet, onOpen }: TitleProps) {
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ display: 'flex', gap: 8, minWidth: 0, alignItems: 'baseline' }}>
        <a
          onClick={(e) => {
            e.preventDefault();
            onOpen?.(m);
          }}
          href="#"
          data-testid="material-title"
          {...paintTimed('material-title')}
          className="dossier-one-line"
          title={`${m.title}\n${sourceLine(m)}`}
          style={{ minWidth: 0 }}
        >
          <Highlight text={m.title} query={highlight} />
        </a>
        {m.kind === 'photo_group' && (
          <Muted style={{ fontSize: 12, flex: 'none' }}>{sourceLine(m)}</Muted>
        )}
      </div>
      {snippet && (
        <div data-testid="search-snippet" className="dossier-one-line" style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }} title={snippet}>
          <Highlight text={snippet} query={highlight} />
        </div>
      )}
    </div>
  );
}

/** The indicators a material is filed under, as “1.2 名称” tags (the whole name on hover); 未归类 when none. */
export function IndicatorTags({ ids, indicators }: { ids: number[]; indicators: Map<number, Indicator> }) {
  if (ids.length === 0) return <Muted>未归类</Muted>;
  return (
    <div className="dossier-one-line">
      {ids.map((id) => {
        const ind = indicators.get(id);
        const label = ind ? `${ind.code} ${ind.title}` : `指标 ${id}`;
        return (
          <Tooltip key={id} title={label}>
            <Tag data-testid="indicator-tag" style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
              {label}
            </Tag>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** Whether it can go into a packet PDF, and the clerk's 备注. */
export function NoteCell({ material: m }: { material: Material }) {
  return (
    <div className="dossier-one-line">
      {!m.mergeable && (
        <Tooltip title={NOT_MERGEABLE}>
          <Tag color="orange" data-testid="not-mergeable">
            加密文件
          </Tag>
        </Tooltip>
      )}
      {m.note && (
        <span title={m.note} style={{ whiteSpace: 'nowrap' }}>
          {m.note}
        </span>
      )}
    </div>
  );
}
