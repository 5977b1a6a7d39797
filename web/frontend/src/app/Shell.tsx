import { useEffect, useSyncExternalStore } from "react";
import { NavLink, Outlet } from "react-router";
import { Banner } from "../components/Banner";
import { connectivity } from "../lib/api/connectivity";
import { useSession } from "../lib/auth/SessionContext";
import { useMe } from "../lib/auth/useMe";

/** The frame of every signed-in page: navigation, the user, and the "server cannot be reached" banner. */
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
    <>
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
        </nav>
        <div className="topbar-user">
          {me.data && (
            <span data-testid="current-user">
              {me.data.username} <span className="role">{me.data.role}</span>
            </span>
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
    </>
  );
}
