import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, problem, renderWithApi } from "../../../../test/renderWithApi";
import { UsersPage } from "./UsersPage";

const ROUTES = [{ path: "/admin/users", element: <UsersPage /> }];

const OLGA = {
  id: 7,
  username: "olga",
  role: "ENGINEER",
  enabled: true,
  version: 2,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  passwordChangedAt: "2026-01-01T00:00:00Z",
};

describe("the users page", () => {
  it("says the role does not allow it when the server refuses the list", async () => {
    renderWithApi("/admin/users", ROUTES, {
      "GET /api/v1/auth/me": me("ENGINEER"),
      "GET /api/v1/users": () => problem(403, { type: "/problems/forbidden" }),
    });
    expect((await screen.findByTestId("forbidden")).textContent).toContain("does not allow managing users");
  });

  it("changes a role with the version shown", async () => {
    const { requests } = renderWithApi("/admin/users", ROUTES, {
      "GET /api/v1/auth/me": me("ADMIN"),
      "GET /api/v1/users": () =>
        Response.json({ content: [OLGA], page: { size: 50, number: 0, totalElements: 1, totalPages: 1 } }),
      "PUT /api/v1/users/7": () => Response.json({ ...OLGA, role: "OPERATOR", version: 3 }),
    });
    await userEvent.selectOptions(await screen.findByLabelText("Role of olga"), "OPERATOR");
    expect(await screen.findByText("olga is now OPERATOR.")).toBeTruthy();
    const put = requests.find((request) => request.method === "PUT");
    expect(await put?.json()).toEqual({ role: "OPERATOR", version: 2 });
  });
});
