import { randomUUID } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { viewer } from '../../test/support/subgraphTest';
import { isOwnerOrStaff, requireOwnedRow, requireRole, requireViewer, STAFF, visibleRow } from './access';

function thrown(run: () => unknown): { code: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, message };
  }
  throw new Error('expected a throw');
}

describe('platform/auth/access', () => {
  const owner = viewer('LEARNER');
  const row = { id: randomUUID(), userId: owner.userId };

  it('refuses anonymous callers with UNAUTHENTICATED and missing roles with FORBIDDEN', () => {
    expect(thrown(() => requireViewer(null, 'see this')).code).toBe('UNAUTHENTICATED');
    expect(thrown(() => requireRole(null, 'ADMIN')).code).toBe('UNAUTHENTICATED');
    expect(thrown(() => requireRole(owner, 'ADMIN')).code).toBe('FORBIDDEN');
    expect(requireRole(viewer('SUPPORT'), ...STAFF).roles).toEqual(['SUPPORT']);
  });

  it("answers another user's row exactly as a missing one: the same NOT_FOUND, code and message", () => {
    const stranger = viewer('LEARNER');
    const foreign = thrown(() => requireOwnedRow(stranger, row, 'Thing', row.id));
    const missing = thrown(() => requireOwnedRow(stranger, null, 'Thing', row.id));
    expect(foreign).toEqual({ code: 'NOT_FOUND', message: `Thing ${row.id} not found` });
    expect(missing).toEqual(foreign);
    expect(thrown(() => requireOwnedRow(null, row, 'Thing', row.id)).code).toBe('UNAUTHENTICATED');
  });

  it('lets the owner and the given staff roles through (ADMIN unless told)', () => {
    expect(requireOwnedRow(owner, row, 'Thing', row.id)).toBe(row);
    expect(requireOwnedRow(viewer('ADMIN'), row, 'Thing', row.id)).toBe(row);
    expect(thrown(() => requireOwnedRow(viewer('SUPPORT'), row, 'Thing', row.id)).code).toBe('NOT_FOUND');
    expect(isOwnerOrStaff(viewer('SUPPORT'), owner.userId, STAFF)).toBe(true);
    expect(visibleRow(viewer('ADMIN'), row, [])).toBeNull();
    expect(visibleRow(owner, row, [])).toBe(row);
  });
});
