import { createBrowserRouter, Navigate } from "react-router";
import { SignInPage } from "../features/auth/routes/SignInPage";
import { DashboardListPage } from "../features/dashboards/routes/DashboardListPage";
import { DashboardPage } from "../features/dashboards/routes/DashboardPage";
import { TrendsPage } from "../features/trends";
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
        { path: "trends", element: <TrendsPage /> },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
