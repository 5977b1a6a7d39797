import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Banner } from "../../../../components/Banner";
import { Dialog } from "../../../../components/Dialog";
import { VersionConflictDialog } from "../../../../components/VersionConflictDialog";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { useCreateChannel, useDeleteChannel, useSetEnabled, useUpdateChannel } from "../api/channels";
import { type ChannelDraft, type FieldErrors, requestOf, validateDraft } from "../model/draft";
import type { Channel } from "../types";
import type { ChannelPageMode } from "../routes/ChannelPage";
import { DiscoveryDialog, discoverable } from "../../discovery";
import { ChannelForm } from "./ChannelForm";
import { TestReadPanel } from "./TestReadPanel";

/**
 * The form of one channel and what can be done with it: save (create or update with the version read), test read,
 * enable/disable, duplicate, delete. Client checks run before sending; the server's field errors land at the same
 * fields; a stale version offers to reload.
 */
export function ChannelEditor({
  mode,
  channel,
  initial,
  writer,
  copiedFrom,
  onReload,
}: {
  mode: ChannelPageMode;
  channel: Channel | undefined;
  initial: ChannelDraft;
  writer: boolean;
  copiedFrom: Channel | undefined;
  onReload: () => void;
}) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  const setEnabled = useSetEnabled();
  const editing = mode !== "view" && writer;
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const saving = create.isPending || update.isPending;

  function change(next: ChannelDraft) {
    setDraft(next);
    // after the first attempt, the client's checks follow the typing (a fixed field clears at once)
    if (checked) setErrors(validateDraft(next));
  }

  async function save(version?: number) {
    setFailure(null);
    setChecked(true);
    const problems = validateDraft(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      const saved =
        mode === "new" || !channel
          ? await create.mutateAsync(requestOf(draft))
          : await update.mutateAsync({ id: channel.id, request: requestOf(draft, version ?? channel.version) });
      void navigate(`/admin/channels/${saved.id}`, { replace: mode === "edit" });
    } catch (error) {
      handle(error);
    }
  }

  function handle(error: unknown) {
    if (error instanceof ApiError) {
      if (error.type === "/problems/version-conflict" || error.status === 412) {
        const current = error.problem.currentVersion;
        setConflictVersion(typeof current === "number" ? current : (channel?.version ?? 0));
        return;
      }
      const byField = error.fieldErrors();
      if (Object.keys(byField).length > 0) {
        setErrors(byField);
        setFailure(`The server found ${Object.keys(byField).length} field(s) to fix.`);
        return;
      }
    }
    setFailure(describeError(error));
  }

  async function act(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      handle(error);
    }
  }

  const title =
    mode === "new" ? (copiedFrom ? `Duplicate of ${copiedFrom.name}` : "New channel") : (channel?.name ?? "");
  return (
    <>
      <div className="page-header">
        <h1 data-testid="channel-title">{title}</h1>
        <span className="spacer" />
        {mode === "view" && channel && writer && (
          <>
            <Link className="button" to={`/admin/channels/${channel.id}/edit`} data-testid="edit-channel">
              Edit
            </Link>
            <button
              type="button"
              onClick={() => void act(() => setEnabled.mutateAsync(channel, !channel.enabled))}
              data-testid="toggle-enabled"
            >
              {channel.enabled ? "Disable" : "Enable"}
            </button>
            <Link className="button" to={`/admin/channels/new?copy=${channel.id}`} data-testid="duplicate-channel">
              Duplicate
            </Link>
            <button
              type="button"
              className="button-danger"
              onClick={() => setDeleting(true)}
              data-testid="delete-channel"
            >
              Delete
            </button>
          </>
        )}
      </div>
      {channel && (
        <p className="muted">
          Version {channel.version} · changed {new Date(channel.updatedAt).toLocaleString()} ·{" "}
          {channel.enabled ? "enabled" : "disabled"}
        </p>
      )}
      {copiedFrom && hasPassword(copiedFrom) && (
        <Banner tone="info">
          The original's password is not copied (it is never sent to the browser): type it again.
        </Banner>
      )}
      {failure && (
        <Banner tone="error" testId="save-error">
          {failure}
        </Banner>
      )}
      {mode === "view" && channel && writer && (
        <TestReadPanel channelId={channel.id} unit={channel.unit} dirty={false} />
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (editing) void save();
        }}
      >
        <ChannelForm
          draft={draft}
          errors={errors}
          readOnly={!editing}
          passwordSet={mode !== "new" && channel !== undefined && hasPassword(channel)}
          onChange={change}
          onBrowse={discoverable(draft.protocol) ? () => setBrowsing(true) : undefined}
        />
        {editing && (
          <div className="toolbar">
            <button type="submit" className="button-primary" disabled={saving} data-testid="save-channel">
              {saving ? "Saving…" : mode === "new" ? "Create channel" : "Save"}
            </button>
            <Link to={channel ? `/admin/channels/${channel.id}` : "/admin/channels"}>Cancel</Link>
          </div>
        )}
      </form>
      {mode === "edit" && channel && writer && (
        <TestReadPanel channelId={channel.id} unit={channel.unit} dirty={dirty} />
      )}
      {editing && discoverable(draft.protocol) && (
        <DiscoveryDialog
          open={browsing}
          draft={{ ...draft, protocol: draft.protocol }}
          creating={mode === "new"}
          onClose={() => setBrowsing(false)}
          onUse={change}
        />
      )}
      <VersionConflictDialog
        open={conflictVersion !== null}
        what="channel"
        onReload={() => {
          setConflictVersion(null);
          onReload();
        }}
        onOverwrite={() => {
          const version = conflictVersion ?? undefined;
          setConflictVersion(null);
          void save(version);
        }}
        onCancel={() => setConflictVersion(null)}
      />
      <Dialog
        open={deleting}
        title="Delete channel?"
        onClose={() => setDeleting(false)}
        actions={
          <>
            <button
              type="button"
              className="button-danger"
              data-testid="confirm-delete"
              onClick={() => {
                setDeleting(false);
                if (channel)
                  void act(async () => {
                    await remove.mutateAsync(channel);
                    void navigate("/admin/channels");
                  });
              }}
            >
              Delete
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              Keep it
            </button>
          </>
        }
      >
        <p>
          “{channel?.name}” will be deleted with its storage-rule memberships and the batch definitions it triggers.
          Export it first if you may want it back.
        </p>
      </Dialog>
    </>
  );
}

function hasPassword(channel: Channel): boolean {
  return (channel.settings as Record<string, unknown>).passwordSet === true;
}
