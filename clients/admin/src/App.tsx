import { useEffect, useState } from 'react';
import { MeDocument } from '../../sdk/src';
import { client, useQuery, useSession } from './api';
import { CoursesTable } from './CoursesTable';
import { KycQueue } from './KycQueue';
import { Login } from './Login';
import { Overview } from './Overview';
import { SignalsPage } from './SignalsPage';

const BASE = '/admin';
// Admins see everything; analysts only signal performance (the API enforces the same rules).
const routes = [
  { path: '/', label: 'Overview', view: Overview, roles: ['ADMIN'] },
  { path: '/signals', label: 'Signals', view: SignalsPage, roles: ['ADMIN', 'ANALYST'] },
  { path: '/kyc', label: 'KYC queue', view: KycQueue, roles: ['ADMIN'] },
  { path: '/courses', label: 'Courses', view: CoursesTable, roles: ['ADMIN'] },
] as const;

function currentPath(): string {
  const path = window.location.pathname.replace(/^\/admin/, '').replace(/\/$/, '');
  return path === '' ? '/' : path;
}

/** Client-side routes under /admin/ (the gateway answers every such path with index.html). */
function useRoute(): [string, (path: string) => void] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    window.history.pushState(null, '', `${BASE}${next === '/' ? '/' : next}`);
    setPath(next);
  };
  return [path, navigate];
}

function Shell() {
  const me = useQuery(MeDocument, {});
  const [path, navigate] = useRoute();
  const viewer = me.data?.me;
  if (me.error) return <p className="error">Could not load your account: {me.error.message}</p>;
  if (!viewer) return <p className="muted">Loading…</p>;
  const allowed = routes.filter((r) => r.roles.some((role) => viewer.roles.includes(role)));
  if (allowed.length === 0) {
    return (
      <div className="panel denied" role="alert">
        <p>The dashboard is for administrators and analysts; {viewer.email} is neither.</p>
        <button type="button" onClick={() => void client.logout()}>
          Sign out
        </button>
      </div>
    );
  }
  const route = allowed.find((r) => r.path === path) ?? allowed[0]!;
  const View = route.view;
  return (
    <>
      <header className="topbar">
        <strong className="brand">TradeSchool Admin</strong>
        <nav>
          {allowed.map((r) => (
            <a
              key={r.path}
              href={`${BASE}${r.path === '/' ? '/' : r.path}`}
              className={r === route ? 'active' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(r.path);
              }}
            >
              {r.label}
            </a>
          ))}
        </nav>
        <span className="viewer" data-testid="viewer">
          {viewer.name} · {viewer.tier}
        </span>
        <button type="button" onClick={() => void client.logout()}>
          Sign out
        </button>
      </header>
      <main>
        <View />
      </main>
    </>
  );
}

export function App() {
  const session = useSession();
  return session ? <Shell /> : <Login />;
}
