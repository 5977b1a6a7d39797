import { type FormEvent, useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { useSparkplugSurvey } from "../api/discovery";
import { sparkplugItem } from "../model/items";
import type { SparkplugMetricSeen } from "../types";
import type { Selection } from "./browserProps";
import { ListenFor, listenSeconds } from "./MqttBrowser";
import { PickBox } from "./PickBox";

/** The groups, edge nodes, devices and metrics the births on the broker declare. */
export function SparkplugNodes({
  connection,
  initialGroup,
  selection,
}: {
  connection: Record<string, unknown>;
  initialGroup: string;
  selection: Selection;
}) {
  const [group, setGroup] = useState(initialGroup);
  const [seconds, setSeconds] = useState("3");
  const [rebirth, setRebirth] = useState(true);
  const survey = useSparkplugSurvey();
  const result = survey.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    survey.mutate({
      ...connection,
      ...(group.trim() ? { groupId: group.trim() } : {}),
      listenSeconds: listenSeconds(seconds),
      requestRebirth: rebirth,
    });
  }

  return (
    <>
      <form className="toolbar discovery-bar" onSubmit={submit}>
        <input
          aria-label="Group id"
          placeholder="every group"
          value={group}
          maxLength={200}
          onChange={(e) => setGroup(e.target.value)}
        />
        <ListenFor seconds={seconds} onChange={setSeconds} />
        <label className="checkbox">
          <input type="checkbox" checked={rebirth} onChange={(e) => setRebirth(e.target.checked)} />
          Ask nodes without a birth for one
        </label>
        <button type="submit" disabled={survey.isPending} data-testid="sparkplug-listen">
          {survey.isPending ? `Listening… (${listenSeconds(seconds)} s)` : "Listen"}
        </button>
      </form>
      {survey.error && (
        <p className="field-error" role="alert">
          {describeError(survey.error)}
        </p>
      )}
      {result && (
        <div className="discovery-results">
          <p className="muted" data-testid="sparkplug-summary">
            {result.groups?.length ?? 0} groups, {result.messages ?? 0} messages in{" "}
            {((result.listenedMs ?? 0) / 1000).toFixed(1)} s{result.truncated ? " (more than listed)" : ""}.
          </p>
          <ul className="tree">
            {(result.groups ?? []).map((g) => (
              <li key={g.groupId}>
                <strong>{g.groupId}</strong>
                <ul className="tree">
                  {(g.edgeNodes ?? []).map((node) => (
                    <li key={node.edgeNodeId}>
                      {node.edgeNodeId} <span className="muted">· {node.state}</span>
                      <Metrics
                        metrics={node.metrics}
                        at={[g.groupId ?? "", node.edgeNodeId ?? "", undefined]}
                        selection={selection}
                      />
                      <ul className="tree">
                        {(node.devices ?? []).map((device) => (
                          <li key={device.deviceId}>
                            {device.deviceId} <span className="muted">· {device.state}</span>
                            <Metrics
                              metrics={device.metrics}
                              at={[g.groupId ?? "", node.edgeNodeId ?? "", device.deviceId]}
                              selection={selection}
                            />
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function Metrics({
  metrics,
  at,
  selection,
}: {
  metrics: SparkplugMetricSeen[] | undefined;
  at: [string, string, string | undefined];
  selection: Selection;
}) {
  if (!metrics || metrics.length === 0) return null;
  return (
    <ul className="tree">
      {metrics.map((metric) => {
        return (
          <li key={metric.name}>
            <PickBox item={sparkplugItem(...at, metric)} selection={selection}>
              {metric.name}
              <span className="muted">
                {" "}
                · {metric.sparkplugType}
                {metric.dataType ? ` → ${metric.dataType}` : " (no channel type)"}
                {metric.value !== undefined && metric.value !== null ? ` · ${String(metric.value)}` : ""}
              </span>
            </PickBox>
          </li>
        );
      })}
    </ul>
  );
}
