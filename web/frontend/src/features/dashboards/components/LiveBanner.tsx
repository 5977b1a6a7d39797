import { useEffect, useState } from "react";
import { Banner } from "../../../components/Banner";
import { useNow } from "../../../lib/clock";
import { useLiveConnection } from "../../../lib/live/hooks";
import { formatTime } from "./format";

/** How long "live data is back" stays visible. */
const RESTORED_NOTICE_MS = 5000;
/** Connecting for the first time quietly for this long before saying so. */
const FIRST_CONNECT_GRACE_MS = 3000;

/** Whether the dashboard's values are live: lost (since when), connecting, or back. */
export function LiveBanner() {
  const status = useLiveConnection();
  const now = useNow();
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [lost, setLost] = useState(false);

  useEffect(() => {
    if (status.state !== "open" && status.wasOpen) setLost(true);
    if (status.state === "open" && lost) {
      setLost(false);
      setRestoredAt(Date.now());
    }
  }, [status, lost]);

  if (status.state !== "open" && status.wasOpen) {
    return (
      <Banner tone="error" testId="live-lost">
        Live data lost since {formatTime(status.since)}: reconnecting. The values shown are the last received.
      </Banner>
    );
  }
  if (status.state !== "open" && now - status.since > FIRST_CONNECT_GRACE_MS) {
    return (
      <Banner tone="warning" testId="live-connecting">
        Connecting to live data…
      </Banner>
    );
  }
  if (restoredAt && now - restoredAt < RESTORED_NOTICE_MS) {
    return (
      <Banner tone="success" testId="live-restored">
        Live data is back.
      </Banner>
    );
  }
  return null;
}
