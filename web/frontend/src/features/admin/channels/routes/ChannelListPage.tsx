import { useCallback, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Banner } from "../../../../components/Banner";
import { Pager } from "../../../../components/Pager";
import { QueryState } from "../../../../components/QueryState";
import { describeErrorWithFields } from "../../../../lib/api/problem";
import { useMe } from "../../../../lib/auth/useMe";
import { saveFile } from "../../../../lib/download";
import { useChannelPage, useExportChannels, useSetEnabled } from "../api/channels";
import { ChannelFilters } from "../components/ChannelFilters";
import { ChannelTable } from "../components/ChannelTable";
import { ImportDialog } from "../components/ImportDialog";
import { type ChannelListQuery, PAGE_SIZES, readListQuery, writeListQuery } from "../model/listQuery";
import { mayWriteChannels } from "../permissions";
import type { Channel } from "../types";

/** The server's byte order mark (so that spreadsheets read UTF-8), which reading the answer as text removed. */
const BOM = "\uFEFF";

/**
 * /admin/channels: every channel, filtered, sorted and paged by the server (the URL holds all three), with each
 * row's live value; export of the filtered list and import for ENGINEER and ADMIN.
 */
export function ChannelListPage() {
  const [params, setParams] = useSearchParams();
  const query = readListQuery(params);
  const page = useChannelPage(query);
  const me = useMe();
  const writer = mayWriteChannels(me.data);
  const navigate = useNavigate();
  const exportCsv = useExportChannels();
  const setEnabled = useSetEnabled();
  const [importing, setImporting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const paramsKey = params.toString();
  const change = useCallback(
    (change: Partial<ChannelListQuery>) => {
      const current = readListQuery(new URLSearchParams(paramsKey));
      // a new filter, sort or page size starts at the first page
      const next = { ...current, ...change, page: change.page ?? 0 };
      setParams(writeListQuery(next), { replace: change.page === undefined });
    },
    [paramsKey, setParams],
  );

  async function act(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeErrorWithFields(error));
    }
  }

  const channels: Channel[] = page.data?.content ?? [];
  const total = page.data?.page?.totalElements ?? 0;
  return (
    <main className="page">
      <div className="page-header">
        <h1>Channels</h1>
        <span className="spacer" />
        <button
          type="button"
          onClick={() =>
            void act(async () =>
              saveFile("channels.csv", new Blob([BOM + (await exportCsv.mutateAsync(query))], { type: "text/csv" })),
            )
          }
          disabled={exportCsv.isPending}
          data-testid="export-channels"
        >
          {exportCsv.isPending ? "Exporting…" : "Export CSV"}
        </button>
        {writer && (
          <>
            <button type="button" onClick={() => setImporting(true)} data-testid="import-channels">
              Import
            </button>
            <Link className="button button-primary" to="/admin/channels/new" data-testid="new-channel">
              New channel
            </Link>
          </>
        )}
      </div>
      <ChannelFilters query={query} onChange={change} />
      {filtered(query) && (
        <button
          type="button"
          className="button-quiet"
          onClick={() => change({ name: "", tag: "", device: "", collector: "", protocol: "", enabled: "" })}
        >
          Clear filters
        </button>
      )}
      {failure && <Banner tone="error">{failure}</Banner>}
      <QueryState isLoading={page.isLoading} error={page.error} what="the channels" />
      {page.data && channels.length === 0 && (
        <p className="muted" data-testid="no-channels">
          {filtered(query) ? "No channel matches these filters." : "No channels yet."}
        </p>
      )}
      {channels.length > 0 && (
        <>
          <ChannelTable
            channels={channels}
            sort={query.sort}
            onSort={(sort) => change({ sort })}
            writer={writer}
            onToggle={(channel) => void act(() => setEnabled.mutateAsync(channel, !channel.enabled))}
            onDuplicate={(channel) => void navigate(`/admin/channels/new?copy=${channel.id}`)}
          />
          <Pager
            page={query.page}
            size={query.size}
            total={total}
            sizes={PAGE_SIZES}
            onPage={(next) => change({ page: next })}
            onSize={(size) => change({ size })}
          />
        </>
      )}
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </main>
  );
}

function filtered(query: ChannelListQuery): boolean {
  return Boolean(query.name || query.tag || query.device || query.collector || query.protocol || query.enabled);
}
