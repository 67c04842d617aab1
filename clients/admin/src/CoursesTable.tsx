import { useState } from 'react';
import { CoursesDocument } from '../../sdk/src';
import { useQuery } from './api';
import { PanelStatus, Pager } from './DataTable';
import { formatMoney } from './format';

const PAGE_SIZE = 5;

/** The catalog, paged on the server with the connection's cursors. */
export function CoursesTable() {
  // Cursors of the pages seen so far: page n starts after cursors[n] (undefined for the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(0);
  const courses = useQuery(CoursesDocument, { first: PAGE_SIZE, after: cursors[page] });
  const connection = courses.data?.courses;

  function goTo(next: number) {
    if (next > page && connection?.pageInfo.endCursor) {
      setCursors((known) => [...known.slice(0, next), connection.pageInfo.endCursor ?? undefined]);
    }
    setPage(next);
  }

  return (
    <section className="panel" data-table="courses">
      <h2>
        Courses {connection ? <span className="muted">({connection.totalCount} published)</span> : null}
      </h2>
      <PanelStatus what="courses" loading={courses.loading && !connection} error={courses.error} />
      <table>
        <thead>
          <tr>
            <th>Title</th>
            <th>Level</th>
            <th>Instructor</th>
            <th className="num">Price</th>
          </tr>
        </thead>
        <tbody>
          {(connection?.edges ?? []).map(({ node }) => (
            <tr key={node.id}>
              <td>{node.title}</td>
              <td>{node.level}</td>
              <td>{node.instructor.name ?? '—'}</td>
              <td className="num">{node.isFree ? 'Free' : formatMoney(node.price.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        page={page}
        pages={connection ? Math.ceil(connection.totalCount / PAGE_SIZE) : undefined}
        hasNext={connection?.pageInfo.hasNextPage ?? false}
        onPage={goTo}
      />
    </section>
  );
}
