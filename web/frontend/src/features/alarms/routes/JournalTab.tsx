import { useSearchParams } from "react-router";
import { Pager } from "../../../components/Pager";
import { QueryState } from "../../../components/QueryState";
import type { Channel } from "../../channels";
import { JOURNAL_PAGE_SIZE, useJournal } from "../api/alarms";
import { JournalExport } from "../components/JournalExport";
import { JournalFilters } from "../components/JournalFilters";
import { JournalTable } from "../components/JournalTable";
import { journalParams, journalQueryOf } from "../model/journalQuery";

/** The alarm journal: filters kept in the address, server paging, newest first. */
export function JournalTab({ channels }: { channels: Map<number, Channel> | undefined }) {
  const [params, setParams] = useSearchParams();
  const query = journalQueryOf(params);
  const journal = useJournal(query);
  const entries = journal.data?.content ?? [];
  return (
    <section aria-label="Alarm journal">
      <JournalFilters
        key={params.toString()}
        value={query}
        channels={channels}
        onApply={(next) => setParams(journalParams({ ...next, page: undefined }, params))}
      />
      <div className="journal-bar">
        {!query.from && !query.to && <p className="muted">The last 24 hours unless a range is chosen.</p>}
        <JournalExport query={query} />
      </div>
      <QueryState isLoading={journal.isLoading} error={journal.error} what="the alarm journal" />
      {journal.data && entries.length === 0 && <p className="muted">No journal entry matches.</p>}
      {entries.length > 0 && <JournalTable entries={entries} channels={channels} />}
      {journal.data && (
        <Pager
          page={query.page ?? 0}
          size={JOURNAL_PAGE_SIZE}
          total={journal.data.totalElements}
          onPage={(page) => setParams(journalParams({ ...query, page }, params))}
        />
      )}
    </section>
  );
}
