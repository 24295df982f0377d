import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { SEARCH_LIMIT, SEARCH_PAGE, searchCountText, type Indicator, type SearchFilters } from '../../../shared/domain';
import { BulkBar } from '../materials/BulkBar';
import { MaterialDrawer } from '../materials/MaterialDrawer';
import { MaterialList } from '../materials/MaterialList';
import { SearchFiltersBar } from './SearchFiltersBar';
import { hasFilters, useSearch } from './useSearch';

interface Props {
  dossierId: number;
  query: string;
  indicators: Map<number, Indicator>;
  refreshKey: number;
  onClose: () => void;
  /** Filed, edited or deleted from here: coverage and lists reload. */
  onChanged?: () => void;
  /** Filters and the open material are the screen's, kept in the URL across a reload. */
  filters: SearchFilters;
  onFilters: (filters: SearchFilters) => void;
  openId: number | null;
  onOpenId: (id: number | null) => void;
}

/** Search results with filters: the query marked in titles and in the text around each match. */
export function SearchResults({ dossierId, query, indicators, refreshKey, onClose, onChanged, filters, onFilters: setFilters, openId, onOpenId: setOpenId }: Props) {
  const [localKey, setLocalKey] = useState(0);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const changed = () => {
    setLocalKey((k) => k + 1);
    onChanged?.();
  };
  // How far 显示更多 went, for this search only: a new query or filter starts at its first page.
  const searchKey = `${query}\u0000${JSON.stringify(filters)}`;
  const [shown, setShown] = useState({ key: searchKey, limit: SEARCH_PAGE });
  const limit = shown.key === searchKey ? shown.limit : SEARCH_PAGE;
  const results = useSearch(dossierId, query, filters, limit, refreshKey + localKey);
  const hits = results.data?.hits ?? [];
  // Nothing under the filters: say how many the words find without them, so that a filter left on
  // from an earlier search does not pass for "not in the archive".
  const filtered = hasFilters(filters);
  const emptyUnderFilters = filtered && results.data?.total === 0;
  const unfiltered = useSearch(dossierId, emptyUnderFilters ? query : '', {}, 1, refreshKey + localKey);
  const unfilteredTotal = emptyUnderFilters ? (unfiltered.data?.total ?? 0) : 0;
  const materials = useMemo(() => hits.map((h) => h.material), [hits]);
  const snippets = useMemo(() => new Map(hits.map((h) => [h.material.id, h.snippet])), [hits]);
  // Only what is still listed stays selected (a new search or filter drops the rest).
  const selected = useMemo(() => selectedIds.filter((id) => materials.some((m) => m.id === id)), [selectedIds, materials]);
  const allPhotos = selected.every((id) => materials.find((m) => m.id === id)?.kind === 'photo');
  return (
    <Card
      data-testid="search-results"
      title={
        <Space>
          <span>{query ? `搜索“${query}”` : '筛选材料'}</span>
          {!results.loading && results.data && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }} data-testid="search-count">
              {searchCountText(results.data)}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
          返回
        </Button>
      }
    >
      <SearchFiltersBar filters={filters} indicators={indicators} onChange={setFilters} />
      {/* The same bulk actions as the material list: 归入指标 and the rest, on the results chosen. */}
      <BulkBar
        dossierId={dossierId}
        selectedIds={selected}
        allPhotos={allPhotos}
        indicator={null}
        indicators={indicators}
        onDone={(groupId) => {
          setSelectedIds([]);
          if (groupId !== undefined) setOpenId(groupId);
          changed();
        }}
      />
      <MaterialList
        materials={materials}
        loading={results.loading}
        indicators={indicators}
        highlight={query}
        snippets={snippets}
        emptyText={
          unfilteredTotal > 0 ? (
            <span data-testid="search-hidden-by-filters">
              在当前筛选条件下没有找到包含“{query}”的材料；不加筛选可找到 {unfiltered.data?.totalCapped ? `${unfilteredTotal} 份以上` : `${unfilteredTotal} 份`}。
              <Button type="link" onClick={() => setFilters({})} data-testid="search-clear-filters">
                清除筛选
              </Button>
            </span>
          ) : query ? (
            `没有找到包含“${query}”的材料`
          ) : (
            '没有符合条件的材料'
          )
        }
        onOpen={(m) => setOpenId(m.id)}
        selectedIds={selected}
        onSelect={setSelectedIds}
      />
      {results.data?.truncated && limit < SEARCH_LIMIT && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button data-testid="search-more" loading={results.loading} onClick={() => setShown({ key: searchKey, limit: Math.min(SEARCH_LIMIT, limit + SEARCH_PAGE) })}>
            显示更多（再列出 {SEARCH_PAGE} 份）
          </Button>
        </div>
      )}
      <MaterialDrawer
        materialId={openId}
        onClose={() => setOpenId(null)}
        onChanged={changed}
        onEditMinutes={() => undefined}
        indicators={indicators}
      />
    </Card>
  );
}
