import { useState } from "react";
import { MqttTopics } from "./MqttTopics";
import type { Selection } from "./PickBox";
import { SparkplugNodes } from "./SparkplugNodes";

/** A broker's traffic, listened to for a few seconds: plain and JSON topics, or Sparkplug B births. */
export function MqttBrowser({
  connection,
  settings,
  selection,
}: {
  connection: Record<string, unknown>;
  settings: Record<string, string>;
  selection: Selection;
}) {
  const [view, setView] = useState<"topics" | "sparkplug">(
    settings.payloadFormat === "SPARKPLUG_B" ? "sparkplug" : "topics",
  );
  return (
    <>
      <div className="tabs" role="tablist" aria-label="What to look for">
        {(["topics", "sparkplug"] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={view === tab}
            className={view === tab ? "tab tab-selected" : "tab"}
            onClick={() => setView(tab)}
            data-testid={`mqtt-tab-${tab}`}
          >
            {tab === "topics" ? "Topics" : "Sparkplug B"}
          </button>
        ))}
      </div>
      {view === "topics" ? (
        <MqttTopics connection={connection} initialFilter={settings.topic || "#"} selection={selection} />
      ) : (
        <SparkplugNodes connection={connection} initialGroup={settings.groupId ?? ""} selection={selection} />
      )}
    </>
  );
}

/** How long to listen: 1 to 30 s (the admin-api waits for the collector up to 50 s). */
export function ListenSeconds({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="inline-field">
      Listen for
      <input
        className="narrow"
        inputMode="numeric"
        value={value}
        maxLength={2}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
        aria-label="Seconds to listen"
      />
      s
    </label>
  );
}

/** Seconds as the collector accepts them (1-30), default 3. */
export function listenSeconds(text: string): number {
  const seconds = Number(text);
  return Number.isInteger(seconds) && seconds >= 1 ? Math.min(seconds, 30) : 3;
}
