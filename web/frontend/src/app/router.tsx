import { createBrowserRouter, Navigate } from "react-router";
import { ChannelListPage, ChannelPage } from "../features/admin/channels";
import { SignInPage } from "../features/auth/routes/SignInPage";
import { DashboardListPage } from "../features/dashboards/routes/DashboardListPage";
import { DashboardPage } from "../features/dashboards/routes/DashboardPage";
import { NotFound } from "./NotFound";
import { RequireAuth } from "./RequireAuth";
import { Shell } from "./Shell";

export function createRouter() {
  return createBrowserRouter([
    { path: "/signin", element: <SignInPage /> },
    {
      element: (
        <RequireAuth>
          <Shell />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to="/dashboards" replace /> },
        { path: "dashboards", element: <DashboardListPage /> },
        { path: "dashboards/:id", element: <DashboardPage /> },
        { path: "admin/channels", element: <ChannelListPage /> },
        { path: "admin/channels/new", element: <ChannelPage mode="new" /> },
        { path: "admin/channels/:id", element: <ChannelPage mode="view" /> },
        { path: "admin/channels/:id/edit", element: <ChannelPage mode="edit" /> },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
