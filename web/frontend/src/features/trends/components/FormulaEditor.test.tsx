import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import createClient from "openapi-fetch";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { paths as AdminPaths } from "../../../api/generated/admin-api";
import type { paths as AnalyticsPaths } from "../../../api/generated/analytics-engine";
import type { paths as CollectorPaths } from "../../../api/generated/collector";
import type { paths as StoragePaths } from "../../../api/generated/storage-engine";
import { ClientsProvider } from "../../../lib/api/ClientsContext";
import { FormulaEditor } from "./FormulaEditor";

const channels = [{ id: 12, name: "Furnace.Temp", unit: "°C", protocol: "MODBUS_TCP", tags: [] }];

function renderEditor(errorPosition: number | null = null) {
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const name = url.searchParams.get("name") ?? url.searchParams.get("tag") ?? "";
    const content = channels.filter((c) => c.name.toLowerCase().includes(name.toLowerCase()));
    return Response.json({ content, page: { size: 50, number: 0, totalElements: content.length, totalPages: 1 } });
  });
  const options = { baseUrl: "http://parx.test", fetch };
  const clients = {
    admin: createClient<AdminPaths>(options),
    analytics: createClient<AnalyticsPaths>(options),
    collector: createClient<CollectorPaths>(options),
    storage: createClient<StoragePaths>(options),
  };
  let current = "";
  function Host() {
    const [value, setValue] = useState("");
    current = value;
    return (
      <FormulaEditor
        value={value}
        onChange={setValue}
        errorPosition={errorPosition}
        errorMessage={errorPosition === null ? null : "unexpected end of formula"}
      />
    );
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ClientsProvider clients={clients}>
        <Host />
      </ClientsProvider>
    </QueryClientProvider>,
  );
  return { value: () => current };
}

describe("the formula editor", () => {
  it("completes a channel name typed in brackets", async () => {
    const editor = renderEditor();
    const box = screen.getByLabelText("Formula");
    await userEvent.type(box, "2 * [[Furn");
    expect(await screen.findByRole("option")).toHaveProperty("textContent", "Furnace.Temp #12");
    await userEvent.keyboard("{Enter}");
    expect(editor.value()).toBe("2 * [Furnace.Temp]");
  });

  it("turns #name into the channel's id", async () => {
    const editor = renderEditor();
    await userEvent.type(screen.getByLabelText("Formula"), "#Furn");
    await screen.findByRole("option");
    await userEvent.keyboard("{Tab}");
    expect(editor.value()).toBe("#12");
  });

  it("underlines the character at the error's position and says what is wrong", async () => {
    renderEditor(4);
    await userEvent.type(screen.getByLabelText("Formula"), "1 + * 2");
    expect(screen.getByTestId("formula-error-mark").textContent).toBe("*");
    expect(screen.getByRole("alert").textContent).toBe("unexpected end of formula");
    expect(screen.getByLabelText("Formula").getAttribute("aria-invalid")).toBe("true");
  });
});
