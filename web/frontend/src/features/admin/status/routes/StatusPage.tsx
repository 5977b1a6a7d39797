import { QueryState } from "../../../../components/QueryState";
import { hasRole } from "../../../../lib/auth/roles";
import { useMe } from "../../../../lib/auth/useMe";
import { useChannelDirectory } from "../../../channels";
import { REFRESH_MS, useCollectorStatus, useStorageStatus } from "../api/status";
import { CertificatePanel } from "../components/CertificatePanel";
import { ConnectionTable } from "../components/ConnectionTable";
import { GroupCard } from "../components/GroupCard";
import { MisconfiguredChannels } from "../components/MisconfiguredChannels";
import { PublishingCard } from "../components/PublishingCard";
import { RequestPlan } from "../components/RequestPlan";
import { StorageCard } from "../components/StorageCard";

/** What the collector and the storage engine are doing, asked again every few seconds; every role reads it. */
export function StatusPage() {
  const collector = useCollectorStatus();
  const storage = useStorageStatus();
  const directory = useChannelDirectory();
  const me = useMe();
  const plan = Object.values(collector.data?.engines ?? {}).flatMap((engine) => engine.plan ?? []);
  const updated = collector.dataUpdatedAt ? new Date(collector.dataUpdatedAt).toLocaleTimeString() : null;
  return (
    <main className="page">
      <div className="page-header">
        <h1>Status</h1>
        <span className="spacer" />
        <span className="muted" aria-live="off">
          Refreshed every {REFRESH_MS / 1000} s{updated ? `, last at ${updated}` : ""}
        </span>
      </div>
      <section aria-labelledby="collector-heading">
        <h2 id="collector-heading">Collector {collector.data?.collector ? `“${collector.data.collector}”` : ""}</h2>
        <QueryState isLoading={collector.isLoading} error={collector.error} what="the collector's status" />
        {collector.data && (
          <>
            <PublishingCard status={collector.data} />
            <GroupCard status={collector.data} />
            <h3>Connections</h3>
            <ConnectionTable status={collector.data} />
            <h3>Misconfigured channels</h3>
            <MisconfiguredChannels status={collector.data} channels={directory.data} />
            <h3>Modbus request plan</h3>
            <RequestPlan plan={plan} channels={directory.data} />
          </>
        )}
      </section>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage engine</h2>
        <QueryState isLoading={storage.isLoading} error={storage.error} what="the storage engine's status" />
        {storage.data && <StorageCard status={storage.data} />}
      </section>
      <CertificatePanel writer={hasRole(me.data, "ENGINEER")} />
    </main>
  );
}
