// Preloaded into each subgraph process of the benchmark (`node --import`): counts every SQL statement
// the process sends, at pg's Client.query under Prisma's driver adapter, and answers the orchestrator's
// `sql-count` IPC message with the running total.
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('message', (message: unknown) => {
  if (message === 'sql-count') process.send?.({ sqlCount: statements });
});
