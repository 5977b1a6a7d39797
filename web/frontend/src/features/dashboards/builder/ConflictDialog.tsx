import { VersionConflictDialog } from "../../../components/VersionConflictDialog";

/** A save found a newer version: the user decides whose changes win. */
export function ConflictDialog(props: {
  open: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  return <VersionConflictDialog what="dashboard" {...props} />;
}
