/** Previous/next through a server-paged list, with "51–100 of 10,000" and, when `onSize` is given, the page size. */
export function Pager({
  page,
  size,
  total,
  sizes,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  sizes?: readonly number[];
  onPage: (page: number) => void;
  onSize?: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 0}>
        ‹ Previous
      </button>
      <span data-testid="pager-range" aria-live="polite">
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} · page {page + 1} of{" "}
        {pages.toLocaleString()}
      </span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
        Next ›
      </button>
      {onSize && sizes && (
        <label className="pager-size">
          Rows per page{" "}
          <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {sizes.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
