import { Link, useParams, useSearchParams } from "react-router";
import { Banner } from "../../../../components/Banner";
import { QueryState } from "../../../../components/QueryState";
import { useMe } from "../../../../lib/auth/useMe";
import { useChannel } from "../api/channels";
import { useWriteAccess } from "../api/useWriteAccess";
import { ChannelEditor } from "../components/ChannelEditor";
import { draftOf, emptyDraft } from "../model/draft";
import { mayWriteChannels } from "../permissions";

export type ChannelPageMode = "new" | "view" | "edit";

/**
 * /admin/channels/new (?copy=id duplicates), /admin/channels/:id (read-only view with the actions) and
 * /admin/channels/:id/edit. A user who may not write channels sees the view; on the edit and new URLs also the
 * server's refusal.
 */
export function ChannelPage({ mode }: { mode: ChannelPageMode }) {
  const params = useParams();
  const [search] = useSearchParams();
  const id = mode === "new" ? null : Number(params.id);
  const copyOf = mode === "new" ? Number(search.get("copy")) || null : null;
  const source = useChannel(id ?? copyOf);
  const me = useMe();
  const writer = mayWriteChannels(me.data);
  const wantsToWrite = mode !== "view" && me.data !== undefined && !writer;
  const access = useWriteAccess(wantsToWrite);

  if (id !== null && !Number.isInteger(id)) return <Banner tone="error">There is no channel “{params.id}”.</Banner>;
  const loading = source.isLoading || me.isLoading;
  const refusal = access.data && !access.data.allowed ? access.data.refusal : null;
  return (
    <main className="page">
      <p>
        <Link to="/admin/channels">‹ Channels</Link>
      </p>
      <QueryState isLoading={loading} error={source.error ?? me.error} what="the channel" />
      {wantsToWrite && (
        <Banner tone="error" testId="edit-refused">
          {refusal
            ? `The server refused: ${refusal.problem.detail || refusal.problem.title || "forbidden"} (${refusal.status}). `
            : access.isLoading
              ? "Asking the server… "
              : ""}
          Your role {me.data?.role} may read channels but not change them; ENGINEER and ADMIN do.
        </Banner>
      )}
      {!loading && !source.error && (mode === "new" ? writer && (copyOf === null || source.data) : source.data) && (
        <ChannelEditor
          key={`${mode}-${source.data?.id ?? "new"}-${source.data?.version ?? ""}`}
          mode={writer ? mode : "view"}
          channel={mode === "new" ? undefined : source.data}
          initial={
            source.data
              ? mode === "new"
                ? { ...draftOf(source.data), name: `${source.data.name} copy`.slice(0, 200) }
                : draftOf(source.data)
              : emptyDraft()
          }
          writer={writer}
          copiedFrom={mode === "new" ? source.data : undefined}
          onReload={() => void source.refetch()}
        />
      )}
    </main>
  );
}
