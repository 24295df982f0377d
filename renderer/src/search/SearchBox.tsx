import { Input } from 'antd';
import { useEffect, useState } from 'react';

interface Props {
  query: string;
  onSearch: (query: string) => void;
}

/** Search the dossier's materials; clearing the box goes back to the indicator view. */
export function SearchBox({ query, onSearch }: Props) {
  const [value, setValue] = useState(query);
  useEffect(() => setValue(query), [query]);
  return (
    <Input.Search
      aria-label="搜索材料"
      data-testid="search-box"
      placeholder="搜索材料：题名、文号、责任者、正文"
      allowClear
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(v) => onSearch(v.trim())}
      enterButton="搜索"
      style={{ width: 360 }}
    />
  );
}
