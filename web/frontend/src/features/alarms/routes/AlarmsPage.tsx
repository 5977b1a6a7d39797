import { useSearchParams } from "react-router";
import { useChannelDirectory } from "../../channels";
import { ActiveTab } from "./ActiveTab";
import { JournalTab } from "./JournalTab";
import { WebhooksTab } from "./WebhooksTab";

const TABS = [
  { id: "active", label: "Active" },
  { id: "journal", label: "Journal" },
  { id: "webhooks", label: "Webhooks" },
] as const;

/**
 * Alarms: the active ones to act on, the journal of every transition and the webhooks they are sent to. The tab
 * stands in the address.
 */
export function AlarmsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.id === params.get("tab"))?.id ?? "active";
  const directory = useChannelDirectory();
  return (
    <main className="page">
      <div className="page-header">
        <h1>Alarms</h1>
      </div>
      <div className="tabs" role="tablist" aria-label="Alarm views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`alarms-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="alarms-panel"
            className={tab === t.id ? "tab tab-selected" : "tab"}
            onClick={() => setParams(t.id === "active" ? {} : { tab: t.id })}
            data-testid={`alarms-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="alarms-panel" role="tabpanel" aria-labelledby={`alarms-tab-${tab}`}>
        {tab === "active" && <ActiveTab channels={directory.data} />}
        {tab === "journal" && <JournalTab channels={directory.data} />}
        {tab === "webhooks" && <WebhooksTab />}
      </div>
    </main>
  );
}
