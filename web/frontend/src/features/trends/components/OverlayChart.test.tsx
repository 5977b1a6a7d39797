import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithApi } from "../../../test/renderWithApi";
import { OverlayChart } from "./OverlayChart";

function batchData(maxPoints: number) {
  return {
    batch: { id: 7, definitionId: 1, name: "C100007", start: "2026-12-05T06:00:00Z", end: "2026-12-05T06:00:15Z" },
    relative: true,
    series: [
      {
        channelId: 12,
        name: "Furnace",
        unit: "°C",
        points: Array.from({ length: Math.min(maxPoints, 15) }, (_, i) => ({ offset: i, value: 850 + i, quality: 0 })),
      },
    ],
  };
}

/** The page's part: the plot width (the overlay's maxPoints) changes with a button. */
function Host() {
  const [maxPoints, setMaxPoints] = useState(100);
  return (
    <>
      <button type="button" onClick={() => setMaxPoints(200)}>
        wider
      </button>
      <OverlayChart batchIds={[7]} channelIds={[12]} maxPoints={maxPoints} step={false} onPlotWidth={() => {}} />
    </>
  );
}

describe("OverlayChart", () => {
  it("keeps a batch's series while the answer for another plot width loads", async () => {
    // Losing them took the y axes away, which changed the plot width and asked again: an endless loop (the page
    // crashed with React's "Maximum update depth exceeded" as soon as a batch was overlaid).
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        disconnect() {}
      },
    );
    const { requests } = renderWithApi("/", [{ path: "/", element: <Host /> }], {
      "GET /api/v1/analytics/batches/7/data": (request) => {
        const maxPoints = Number(new URL(request.url).searchParams.get("maxPoints"));
        // The second width's answer never arrives in this test.
        return maxPoints === 100 ? Response.json(batchData(maxPoints)) : new Promise<Response>(() => {});
      },
    });
    expect(await screen.findByText("C100007 · Furnace")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "wider" }));

    await vi.waitFor(() => expect(requests.map((r) => new URL(r.url).searchParams.get("maxPoints"))).toContain("200"));
    expect(screen.getByText("C100007 · Furnace")).toBeTruthy();
    expect(screen.getByTestId("overlay-viewer").getAttribute("data-series")).toBe("1");
    vi.unstubAllGlobals();
  });
});
