import { describe, expect, it } from "vitest";
import { draftOf, requestOf } from "./ruleDraft";

describe("storage rule draft", () => {
  it("sends a change rule with its deadband and the chosen channels", () => {
    const draft = { ...draftOf(), name: " furnace ", deadband: "0.5", maxIntervalMs: "60000", channelIds: [3, 4] };
    expect(requestOf(draft).request).toMatchObject({
      name: "furnace",
      mode: "CHANGE",
      settings: { deadband: 0.5, deadbandType: "ABSOLUTE", maxIntervalMs: 60000 },
      backend: "TIMESCALE",
      backendSettings: {},
      retentionDays: null,
      channelIds: [3, 4],
    });
  });

  it("rejects a percent deadband over 100 at the field the server would name", () => {
    const draft = { ...draftOf(), name: "x", deadband: "150", deadbandType: "PERCENT" as const };
    expect(requestOf(draft).errors).toEqual({ "settings.deadband": "a PERCENT deadband must be between 0 and 100" });
  });

  it("checks the CSV backend's directory, naming placeholders and rotation limits", () => {
    const draft = {
      ...draftOf(),
      name: "x",
      backend: "FILE" as const,
      directory: "../etc",
      naming: "{rule}_{week}.csv",
      rotateEveryMs: "1000",
      rotateSizeBytes: "10",
    };
    expect(Object.keys(requestOf(draft).errors).sort()).toEqual([
      "backendSettings.directory",
      "backendSettings.naming",
      "backendSettings.rotateEveryMs",
      "backendSettings.rotateSizeBytes",
    ]);
  });

  it("keeps an existing rule's settings and version when nothing is edited", () => {
    const draft = draftOf({
      id: 5,
      name: "events",
      description: "",
      mode: "EVENT",
      settings: { conditionChannelId: 9, edge: "FALLING" },
      backend: "FILE",
      backendSettings: { directory: "line1", naming: "{rule}.csv", rotateEveryMs: 0, rotateSizeBytes: 2048 },
      retentionDays: 30,
      enabled: false,
      channelIds: [1],
      version: 7,
      createdAt: "",
      updatedAt: "",
    });
    expect(requestOf(draft).request).toMatchObject({
      mode: "EVENT",
      settings: { conditionChannelId: 9, edge: "FALLING" },
      backendSettings: { directory: "line1", naming: "{rule}.csv", rotateEveryMs: 0, rotateSizeBytes: 2048 },
      retentionDays: 30,
      enabled: false,
      version: 7,
    });
  });
});
