import { Dialog } from "../../../components/Dialog";

/** A save found a newer version: the user decides whose changes win. */
export function ConflictDialog({
  open,
  onReload,
  onOverwrite,
  onCancel,
}: {
  open: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={open}
      title="Someone else changed this dashboard"
      onClose={onCancel}
      actions={
        <>
          <button type="button" onClick={onReload}>
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
        The dashboard was saved by someone else since you opened it. Reload to see their version (your changes are
        lost), or overwrite it with yours (theirs are lost).
      </p>
    </Dialog>
  );
}
