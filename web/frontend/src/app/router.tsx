import { createBrowserRouter, Navigate } from "react-router";
import { ChannelListPage, ChannelPage } from "../features/admin/channels";
import { AuditPage } from "../features/admin/audit/routes/AuditPage";
import { RuleEditPage } from "../features/admin/rules/routes/RuleEditPage";
import { RulesPage } from "../features/admin/rules/routes/RulesPage";
import { StatusPage } from "../features/admin/status/routes/StatusPage";
import { OwnPasswordPage } from "../features/admin/users/routes/OwnPasswordPage";
import { UsersPage } from "../features/admin/users/routes/UsersPage";
import { AlarmsPage } from "../features/alarms";
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
        { path: "alarms", element: <AlarmsPage /> },
        { path: "admin/channels", element: <ChannelListPage /> },
        { path: "admin/channels/new", element: <ChannelPage mode="new" /> },
        { path: "admin/channels/:id", element: <ChannelPage mode="view" /> },
        { path: "admin/channels/:id/edit", element: <ChannelPage mode="edit" /> },
        { path: "admin/rules", element: <RulesPage /> },
        { path: "admin/rules/new", element: <RuleEditPage /> },
        { path: "admin/rules/:id", element: <RuleEditPage /> },
        { path: "admin/status", element: <StatusPage /> },
        { path: "admin/users", element: <UsersPage /> },
        { path: "admin/audit", element: <AuditPage /> },
        { path: "account/password", element: <OwnPasswordPage /> },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
