import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, problem, renderWithApi } from "../../../../test/renderWithApi";
import { RuleEditPage } from "./RuleEditPage";

const ROUTES = [
  { path: "/admin/rules/new", element: <RuleEditPage /> },
  { path: "/admin/rules/:id", element: <RuleEditPage /> },
];

const EMPTY_CHANNELS = () =>
  Response.json({ content: [], page: { size: 500, number: 0, totalElements: 0, totalPages: 0 } });

const RULE = {
  id: 5,
  name: "furnace",
  description: "",
  mode: "CHANGE",
  settings: { deadband: 0.5, deadbandType: "ABSOLUTE", maxIntervalMs: 0 },
  backend: "TIMESCALE",
  backendSettings: {},
  retentionDays: null,
  enabled: true,
  channelIds: [],
  version: 3,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("the storage rule form", () => {
  it("marks the formula syntax error the server reports at its position", async () => {
    renderWithApi("/admin/rules/new", ROUTES, {
      "GET /api/v1/auth/me": me("ENGINEER"),
      "GET /api/v1/io/channels": EMPTY_CHANNELS,
      "POST /api/v1/storage/rules": () =>
        problem(400, {
          type: "/problems/formula-syntax",
          position: 6,
          errors: [{ field: "settings.formula", message: "unexpected '>' at position 6" }],
        }),
    });
    await userEvent.type(await screen.findByTestId("rule-name"), "hot");
    await userEvent.click(screen.getByTestId("rule-mode-TRIGGER"));
    await userEvent.type(screen.getByTestId("rule-formula"), "#1 > > 2");
    await userEvent.click(screen.getByTestId("rule-save"));
    expect((await screen.findByTestId("formula-caret")).textContent).toBe("#1 > > 2\n      ^");
    expect(screen.getByText("unexpected '>' at position 6")).toBeTruthy();
  });

  it("sends a change rule's deadband as a number with its settings", async () => {
    const { requests } = renderWithApi("/admin/rules/new", ROUTES, {
      "GET /api/v1/auth/me": me("ADMIN"),
      "GET /api/v1/io/channels": EMPTY_CHANNELS,
      "POST /api/v1/storage/rules": () => Response.json({ ...RULE, id: 9 }, { status: 201 }),
      "GET /api/v1/storage/rules/9": () => Response.json({ ...RULE, id: 9 }),
    });
    await userEvent.type(await screen.findByTestId("rule-name"), "furnace");
    await userEvent.clear(screen.getByTestId("rule-deadband"));
    await userEvent.type(screen.getByTestId("rule-deadband"), "0.5");
    await userEvent.click(screen.getByTestId("rule-save"));
    await screen.findByText(/Storage rule “furnace”/);
    const post = requests.find((request) => request.method === "POST");
    expect(await post?.json()).toMatchObject({
      name: "furnace",
      mode: "CHANGE",
      settings: { deadband: 0.5, deadbandType: "ABSOLUTE", maxIntervalMs: 0 },
      backend: "TIMESCALE",
    });
  });

  it("shows an operator a rule read only, without Save", async () => {
    renderWithApi("/admin/rules/5", ROUTES, {
      "GET /api/v1/auth/me": me("OPERATOR"),
      "GET /api/v1/io/channels": EMPTY_CHANNELS,
      "GET /api/v1/storage/rules/5": () => Response.json(RULE),
    });
    expect(await screen.findByTestId("read-only")).toBeTruthy();
    // disabled through its fieldset, as the browser sees it
    expect(screen.getByTestId("rule-name").matches(":disabled")).toBe(true);
    expect(screen.queryByTestId("rule-save")).toBeNull();
  });

  it("tells an operator who opens the new rule address that their role does not allow it", async () => {
    renderWithApi("/admin/rules/new", ROUTES, {
      "GET /api/v1/auth/me": me("OPERATOR"),
      "GET /api/v1/io/channels": EMPTY_CHANNELS,
    });
    expect((await screen.findByTestId("forbidden")).textContent).toContain("OPERATOR");
    expect(screen.queryByTestId("rule-name")).toBeNull();
  });
});
