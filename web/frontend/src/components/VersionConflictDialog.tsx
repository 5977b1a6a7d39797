import { Dialog } from "./Dialog";

/**
 * A save found a newer version (409 /problems/version-conflict): the user decides whose changes win. `what` names
 * the thing, e.g. "channel".
 */
export function VersionConflictDialog({
  open,
  what,
  onReload,
  onOverwrite,
  onCancel,
}: {
  open: boolean;
  what: string;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={`Someone else changed this ${what}`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" onClick={onReload} data-testid="conflict-reload">
            Reload theirs (discard mine)
          </button>
          <button type="button" className="button-danger" onClick={onOverwrite}>
            Overwrite with mine
          </button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Keep editing
          </button>
        </>
      }
    >
      <p>
        The {what} was saved by someone else since you opened it. Reload to see their version (your changes are lost),
        or overwrite it with yours (theirs are lost).
      </p>
    </Dialog>
  );
}
