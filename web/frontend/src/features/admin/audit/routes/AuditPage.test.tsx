import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, renderWithApi } from "../../../../test/renderWithApi";
import { AuditPage } from "./AuditPage";

const ROLE_CHANGE = {
  id: 40,
  time: "2026-12-04T20:00:00Z",
  username: "admin",
  userId: 1,
  clientIp: "127.0.0.1",
  action: "ROLE_CHANGE",
  entityType: "user",
  entityId: 7,
  before: { role: "ENGINEER" },
  after: { role: "OPERATOR" },
  detail: null,
};

describe("the audit log", () => {
  it("asks the server with the chosen filters, keeps them in the address and shows a change as a diff", async () => {
    const { requests, router } = renderWithApi("/admin/audit", [{ path: "/admin/audit", element: <AuditPage /> }], {
      "GET /api/v1/auth/me": me("ADMIN"),
      "GET /api/v1/audit": () =>
        Response.json({ content: [ROLE_CHANGE], page: { size: 50, number: 0, totalElements: 1, totalPages: 1 } }),
    });
    await userEvent.selectOptions(await screen.findByTestId("audit-action"), "ROLE_CHANGE");
    await userEvent.type(screen.getByTestId("audit-entity-type"), "user");
    await userEvent.click(screen.getByTestId("audit-apply"));
    await screen.findByTestId("audit-event");
    expect(router.state.location.search).toBe("?action=ROLE_CHANGE&entityType=user");
    const last = new URL(requests[requests.length - 1].url);
    expect(last.searchParams.get("action")).toBe("ROLE_CHANGE");
    expect(last.searchParams.get("entityType")).toBe("user");

    await userEvent.click(screen.getByTestId("audit-show-diff"));
    const diff = await screen.findByTestId("audit-diff");
    expect(diff.querySelector("del")?.textContent).toBe('"ENGINEER"');
    expect(diff.querySelector("ins")?.textContent).toBe('"OPERATOR"');
  });

  it("filters by the audited changes of the other services: trust decisions and derived signals", async () => {
    const trust = {
      ...ROLE_CHANGE,
      id: 41,
      action: "TRUST",
      entityType: "opcua-certificate",
      entityId: null,
      before: { list: "rejected", certificate: { thumbprint: "ab".repeat(20) } },
      after: { list: "trusted", certificate: { thumbprint: "ab".repeat(20) } },
    };
    const { requests } = renderWithApi("/admin/audit", [{ path: "/admin/audit", element: <AuditPage /> }], {
      "GET /api/v1/auth/me": me("ADMIN"),
      "GET /api/v1/audit": () =>
        Response.json({ content: [trust], page: { size: 50, number: 0, totalElements: 1, totalPages: 1 } }),
    });
    const entityTypes = [...document.querySelectorAll("#audit-entity-types option")].map((o) =>
      o.getAttribute("value"),
    );
    expect(entityTypes).toEqual(expect.arrayContaining(["derived-signal", "opcua-certificate"]));
    await userEvent.selectOptions(await screen.findByTestId("audit-action"), "TRUST");
    await userEvent.type(screen.getByTestId("audit-entity-type"), "opcua-certificate");
    await userEvent.click(screen.getByTestId("audit-apply"));
    expect((await screen.findByTestId("audit-event")).textContent).toContain("opcua-certificate");
    const last = new URL(requests[requests.length - 1].url);
    expect(last.searchParams.get("action")).toBe("TRUST");
    expect(last.searchParams.get("entityType")).toBe("opcua-certificate");
  });
});
