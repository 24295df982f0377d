import { Fragment } from 'react';

/** `text` with every case-insensitive occurrence of `query` marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const needle = query.trim();
  if (!needle) return <>{text}</>;
  // Case-insensitive where lower-casing keeps positions; exact otherwise.
  const folds = text.toLowerCase().length === text.length && needle.toLowerCase().length === needle.length;
  const lower = folds ? text.toLowerCase() : text;
  const target = folds ? needle.toLowerCase() : needle;
  const parts: { text: string; hit: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, at + target.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), hit: false });
    parts.push({ text: text.slice(at, at + target.length), hit: true });
    from = at + target.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), hit: false });
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} data-testid="search-hit" style={{ background: '#ffe58f', padding: 0 }}>
            {p.text}
          </mark>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
