import { useState } from "react";
import { MqttTopics } from "./MqttTopics";
import type { BrowserProps } from "./browserProps";
import { SparkplugNodes } from "./SparkplugNodes";
import { WholeNumberInput } from "./WholeNumberInput";

/** A broker's traffic, listened to for a few seconds: plain and JSON topics, or Sparkplug B births. */
export function MqttBrowser({ connection, settings, selection }: BrowserProps) {
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

/** How long to listen, in whole seconds. */
export function ListenFor({ seconds, onChange }: { seconds: string; onChange: (seconds: string) => void }) {
  return (
    <WholeNumberInput
      label="Listen for"
      ariaLabel="Seconds to listen"
      suffix="s"
      value={seconds}
      maxLength={2}
      onChange={onChange}
    />
  );
}

/** Seconds as the collector accepts them (1-30), default 3. */
export function listenSeconds(text: string): number {
  const seconds = Number(text);
  return Number.isInteger(seconds) && seconds >= 1 ? Math.min(seconds, 30) : 3;
}
