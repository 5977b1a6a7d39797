import { describeError } from "../../../../lib/api/problem";
import { severityOf } from "../../../../lib/quality";
import { formatValue } from "../../../dashboards/components/format";
import { useTestChannel } from "../api/channels";

/** "Test read": the collector reads the saved channel once, live; shows value, quality, latency and the reason. */
export function TestReadPanel({ channelId, unit, dirty }: { channelId: number; unit: string; dirty: boolean }) {
  const test = useTestChannel();
  const result = test.data;
  return (
    <section aria-label="Test read">
      <div className="toolbar">
        <button type="button" onClick={() => test.mutate(channelId)} disabled={test.isPending} data-testid="test-read">
          {test.isPending ? "Reading…" : "Test read"}
        </button>
        <span className="muted">
          Reads the device once through the collector
          {dirty ? ", with the saved settings (save your changes first)" : ""}.
        </span>
      </div>
      {test.error && (
        <p className="field-error" role="alert" data-testid="test-error">
          {describeError(test.error)}
        </p>
      )}
      {result && (
        <div className="test-result" data-testid="test-result" aria-live="polite">
          <dl>
            <dt>Value</dt>
            <dd>
              <span data-testid="test-value">{formatValue(result.value as never)}</span>
              {result.value !== null && unit && <span className="unit"> {unit}</span>}
            </dd>
            <dt>Quality</dt>
            <dd data-testid="test-quality" className={`quality quality-${severityOf(result.quality)}`}>
              {result.qualityName}
            </dd>
            <dt>Latency</dt>
            <dd data-testid="test-latency">{result.latencyMs} ms</dd>
            {result.error && (
              <>
                <dt>Error</dt>
                <dd data-testid="test-device-error">{result.error}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}
