import { useEffect, useSyncExternalStore } from "react";
import { NavLink, Outlet } from "react-router";
import { Banner } from "../components/Banner";
import { AlarmCount, AlarmsProvider } from "../features/alarms";
import { connectivity } from "../lib/api/connectivity";
import { useSession } from "../lib/auth/SessionContext";
import { hasRole } from "../lib/auth/roles";
import { useMe } from "../lib/auth/useMe";

/**
 * The frame of every signed-in page: navigation with the count of unacknowledged alarms, the user, and the "server
 * cannot be reached" banner. The tab's alarm list lives here, so every page and widget shares it.
 */
export function Shell() {
  const { store } = useSession();
  const me = useMe();
  const reach = useSyncExternalStore(connectivity.subscribe, connectivity.get);
  const { refetch } = me;
  useEffect(() => {
    if (reach.reachable) return;
    // Ask again every few seconds; the first answer clears the banner.
    const timer = setInterval(() => void refetch(), 5000);
    return () => clearInterval(timer);
  }, [reach.reachable, refetch]);
  return (
    <AlarmsProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/dashboards" className="brand" aria-label="ParX home">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          ParX
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/dashboards">Dashboards</NavLink>
          <NavLink to="/trends">Trends</NavLink>
          <AlarmCount />
          {me.data && (
            <div className="nav-group" role="group" aria-label="Administration">
              <span className="nav-group-label">Administration</span>
              <NavLink to="/admin/channels">Channels</NavLink>
              <NavLink to="/admin/rules">Storage rules</NavLink>
              <NavLink to="/admin/status">Status</NavLink>
              {hasRole(me.data, "ADMIN") && <NavLink to="/admin/users">Users</NavLink>}
              {hasRole(me.data, "ADMIN") && <NavLink to="/admin/audit">Audit log</NavLink>}
            </div>
          )}
        </nav>
        <div className="topbar-user">
          {me.data && (
            <span data-testid="current-user">
              {me.data.username} <span className="role">{me.data.role}</span>
            </span>
          )}
          {me.data && (
            <NavLink to="/account/password" className="button-quiet">
              Change password
            </NavLink>
          )}
          <button type="button" className="button-quiet" onClick={() => void store.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {!reach.reachable && (
        <Banner tone="error" testId="server-unreachable">
          {reach.detail} Trying again every few seconds; what you see may be out of date.
        </Banner>
      )}
      <div id="main" className="content">
        <Outlet />
      </div>
    </AlarmsProvider>
  );
}
