/** Previous/next through a server-paged list. */
export function Pager({
  page,
  totalPages,
  onPage,
  pageSize,
  total,
}: {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  pageSize: number;
  total?: number;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span aria-live="polite">
        Page {page + 1} of {totalPages}
        {total !== undefined ? ` (${total} in all, ${pageSize} a page)` : ""}
      </span>
      <button type="button" disabled={page + 1 >= totalPages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
