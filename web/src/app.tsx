import { useEffect, useRef } from 'preact/hooks';
import { lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { loggedIn, logout, me, refresh, sessionState } from './lib/auth';
import { LoginPage } from './pages/login';
import { NowPage } from './pages/now';
import { NotFoundPage } from './pages/not-found';

// Pages with charts load uPlot; they come as their own chunks so the shell stays small.
const SensorPage = lazy(() => import('./pages/sensor').then((m) => m.SensorPage));
const SwitchesPage = lazy(() => import('./pages/switches').then((m) => m.SwitchesPage));
const AlarmsPage = lazy(() => import('./pages/alarms').then((m) => m.AlarmsPage));
const NotificationsPage = lazy(() => import('./pages/notifications').then((m) => m.NotificationsPage));
const DashboardsPage = lazy(() => import('./pages/dashboards').then((m) => m.DashboardsPage));
const DashboardPage = lazy(() => import('./pages/dashboard').then((m) => m.DashboardPage));
// Administration pages: their own chunks, loaded only when opened.
const GatewaysPage = lazy(() => import('./pages/admin/gateways').then((m) => m.GatewaysPage));
const GatewayPage = lazy(() => import('./pages/admin/gateway').then((m) => m.GatewayPage));
const NodePage = lazy(() => import('./pages/admin/node').then((m) => m.NodePage));
const UsersPage = lazy(() => import('./pages/admin/users').then((m) => m.UsersPage));
const AuditPage = lazy(() => import('./pages/admin/audit').then((m) => m.AuditPage));
const SystemPage = lazy(() => import('./pages/admin/system').then((m) => m.SystemPage));
const AccessPage = lazy(() => import('./pages/admin/access').then((m) => m.AccessPage));

const NAV = [
  { href: '/', label: 'Now' },
  { href: '/switches', label: 'Switches' },
  { href: '/alarms', label: 'Alarms' },
  { href: '/notifications', label: 'Notifications' },
  { href: '/dashboards', label: 'Dashboards' },
  { href: '/access', label: 'Access' },
] as const;

/** Links to pages only administrators may use; standard users never see them. */
const ADMIN_NAV = [
  { href: '/admin/gateways', label: 'Gateways' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/audit', label: 'Audit' },
  { href: '/admin/system', label: 'System' },
] as const;

function Nav() {
  const { path } = useLocation();
  const active = (href: string) => (href === '/' ? path === '/' : path.startsWith(href));
  return (
    <header class="shell-header">
      <a class="brand" href="/">
        Wattlog
      </a>
      <nav aria-label="Main">
        <ul>
          {[...NAV, ...(me.value?.role === 'admin' ? ADMIN_NAV : [])].map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={active(item.href) ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="who">
        <span class="muted">{me.value?.role === 'admin' ? 'admin' : 'signed in'}</span>
        <button type="button" class="link" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}

/** After a client-side navigation, focus goes to the new page's content, as a page load would put it there. */
function FocusOnNavigate() {
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [path]);
  return null;
}

function Shell() {
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Nav />
      <FocusOnNavigate />
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={NowPage} />
          <Route path="/sensors/:id" component={SensorPage} />
          <Route path="/switches" component={SwitchesPage} />
          <Route path="/alarms" component={AlarmsPage} />
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/dashboards" component={DashboardsPage} />
          <Route path="/dashboards/:id" component={DashboardPage} />
          <Route path="/access" component={AccessPage} />
          <Route path="/admin/gateways" component={GatewaysPage} />
          <Route path="/admin/gateways/:id" component={GatewayPage} />
          <Route path="/admin/nodes/:nodeId" component={NodePage} />
          <Route path="/admin/users" component={UsersPage} />
          <Route path="/admin/audit" component={AuditPage} />
          <Route path="/admin/system" component={SystemPage} />
          <Route default component={NotFoundPage} />
        </Router>
      </main>
    </>
  );
}

export function App() {
  // A reload loses the in-memory access token; the refresh cookie (if any) brings the session back.
  useEffect(() => {
    if (sessionState.value === 'unknown') void refresh();
  }, []);
  if (sessionState.value === 'unknown')
    return (
      <p class="boot" role="status">
        Loading…
      </p>
    );
  return <LocationProvider>{loggedIn.value ? <Shell /> : <LoginPage />}</LocationProvider>;
}
