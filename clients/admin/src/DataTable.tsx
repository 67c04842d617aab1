import { useState, type ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A table paged in the browser (for the analytics lists, which are small and already aggregated). */
export function DataTable<T>(props: {
  id: string;
  title: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  pageSize?: number;
}) {
  const { id, title, rows, columns, rowKey, pageSize = 5 } = props;
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * pageSize, (current + 1) * pageSize);
  return (
    <section className="panel" data-table={id}>
      <h3>{title}</h3>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                No data in this period
              </td>
            </tr>
          ) : (
            visible.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <Pager page={current} pages={pages} onPage={setPage} />
    </section>
  );
}

export function Pager(props: {
  page: number;
  pages?: number;
  hasNext?: boolean;
  onPage: (page: number) => void;
}) {
  const { page, pages, onPage } = props;
  const hasNext = props.hasNext ?? (pages !== undefined && page < pages - 1);
  return (
    <div className="pager">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ‹ Prev
      </button>
      <span>
        Page {page + 1}
        {pages !== undefined ? ` of ${pages}` : ''}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next ›
      </button>
    </div>
  );
}

/** Loading and error states of one panel, so one failing domain does not blank the dashboard. */
export function PanelStatus(props: { loading: boolean; error: Error | undefined; what: string }) {
  if (props.error) {
    const code = (props.error as { code?: string }).code;
    return (
      <p className="error" role="alert">
        {props.what} unavailable{code ? ` (${code})` : ''}: {props.error.message}
      </p>
    );
  }
  return props.loading ? <p className="muted">Loading {props.what}…</p> : null;
}
