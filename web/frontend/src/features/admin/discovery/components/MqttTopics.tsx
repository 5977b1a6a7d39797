import { type FormEvent, useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { useMqttTopics } from "../api/discovery";
import { mqttItem } from "../model/items";
import type { TopicSeen } from "../types";
import type { Selection } from "./browserProps";
import { ListenFor, listenSeconds } from "./MqttBrowser";
import { PickBox } from "./PickBox";

/** Topics seen on the broker under a filter, with their last payload; JSON topics list their leaves. */
export function MqttTopics({
  connection,
  initialFilter,
  selection,
}: {
  connection: Record<string, unknown>;
  initialFilter: string;
  selection: Selection;
}) {
  const [filter, setFilter] = useState(initialFilter);
  const [seconds, setSeconds] = useState("3");
  const survey = useMqttTopics();
  const result = survey.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    survey.mutate({ ...connection, topicFilter: filter.trim() || "#", listenSeconds: listenSeconds(seconds) });
  }

  return (
    <>
      <form className="toolbar discovery-bar" onSubmit={submit}>
        <input
          id="discovery-mqtt-filter"
          className="grow"
          aria-label="Topic filter"
          value={filter}
          maxLength={1000}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="mqtt-filter"
        />
        <ListenFor seconds={seconds} onChange={setSeconds} />
        <button type="submit" disabled={survey.isPending} data-testid="mqtt-listen">
          {survey.isPending ? `Listening… (${listenSeconds(seconds)} s)` : "Listen"}
        </button>
      </form>
      {survey.error && (
        <p className="field-error" role="alert" data-testid="mqtt-error">
          {describeError(survey.error)}
        </p>
      )}
      {result && (
        <div className="discovery-results">
          <p className="muted" data-testid="mqtt-summary">
            {result.topicCount ?? 0} topics, {result.messages ?? 0} messages in{" "}
            {((result.listenedMs ?? 0) / 1000).toFixed(1)} s
            {result.truncated ? ` (more topics than listed: ${result.unlistedMessages ?? 0} messages left out)` : ""}.
          </p>
          <ul className="tree">
            {(result.topics ?? []).map((topic) => (
              <TopicRow key={topic.topic} topic={topic} selection={selection} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function TopicRow({ topic, selection }: { topic: TopicSeen; selection: Selection }) {
  const plain = topic.payloadFormat !== "JSON" ? mqttItem(topic) : null;
  const label = (
    <span>
      <code>{topic.topic}</code>
      <span className="muted">
        {" "}
        · {topic.payloadFormat ?? "no format"} · {topic.messages} msg
        {topic.payload != null ? ` · ${shorten(topic.payload)}` : ""}
        {topic.note ? ` · ${topic.note}` : ""}
      </span>
    </span>
  );
  return (
    <li>
      <PickBox item={plain} selection={selection}>
        {label}
      </PickBox>
      {topic.payloadFormat === "JSON" && (
        <ul className="tree">
          {(topic.leaves ?? []).map((leaf) => {
            return (
              <li key={leaf.pointer}>
                <PickBox item={mqttItem(topic, leaf.pointer ?? "", leaf.type)} selection={selection}>
                  <code>{leaf.pointer || "(whole document)"}</code>
                  <span className="muted">
                    {" "}
                    · {leaf.type} · {shorten(JSON.stringify(leaf.value))}
                  </span>
                </PickBox>
              </li>
            );
          })}
          {topic.leavesTruncated && <li className="muted">(more leaves than listed)</li>}
        </ul>
      )}
    </li>
  );
}

function shorten(text: string | undefined): string {
  if (text === undefined) return "";
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
