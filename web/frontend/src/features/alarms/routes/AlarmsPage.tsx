import { useSearchParams } from "react-router";
import { useChannelDirectory } from "../../channels";
import { ActiveTab } from "./ActiveTab";
import { JournalTab } from "./JournalTab";

const TABS = [
  { id: "active", label: "Active" },
  { id: "journal", label: "Journal" },
] as const;

/** Alarms: the active ones to act on, and the journal of every transition. The tab stands in the address. */
export function AlarmsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "journal" ? "journal" : "active";
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
        {tab === "active" ? <ActiveTab channels={directory.data} /> : <JournalTab channels={directory.data} />}
      </div>
    </main>
  );
}
