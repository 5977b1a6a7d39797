import { useState } from "react";
import { type Channel, useChannelWrite, type WriteValue } from "../../../channels";
import { useMe } from "../../../../lib/auth/useMe";
import { formatClock, formatValue } from "../../components/format";
import { QualityMark, valueClass } from "../../components/QualityMark";
import { type ChannelValue, useChannelValue } from "../../components/useChannelValue";
import type { WidgetOptions } from "../../types";
import { NoChannels } from "../NoChannels";
import type { WidgetProps } from "../types";
import { ConfirmWrite } from "./ConfirmWrite";
import { NumberEntry } from "./NumberEntry";
import { describeLimits, entryOf, failed, type Outcome, succeeded, writability } from "./setpoint";
import { ToggleEntry } from "./ToggleEntry";

/**
 * Writes a value to the one bound channel's device: the live value, the write limits, a number entry (on/off for
 * BOOL, text for STRING), a confirmation naming value and channel, then the value read back or why the write failed.
 * When the channel or the user's role does not allow writing, the entry is disabled and the reason shown.
 */
export function SetpointWidget({ widget, channels }: WidgetProps) {
  const channelId = widget.channelIds[0];
  if (channelId === undefined) return <NoChannels />;
  return <Setpoint channelId={channelId} channel={channels?.get(channelId)} options={widget.options} />;
}

interface Props {
  channelId: number;
  channel: Channel | undefined;
  options: WidgetOptions;
}

function Setpoint({ channelId, channel, options }: Props) {
  const value = useChannelValue(channelId, options.staleAfter);
  const me = useMe();
  const write = useChannelWrite();
  const [asked, setAsked] = useState<WriteValue | null>(null);
  const [outcome, setOutcome] = useState<(Outcome & { at: number }) | null>(null);
  const access = channel && me.data ? writability(channel, me.data) : undefined;
  const entry = channel ? entryOf(channel) : "number";
  const limits = access?.writable ? access.limits : {};
  const unit = channel?.unit ?? "";
  const labels = { on: options.onLabel, off: options.offLabel };
  const disabled = !access?.writable || write.isPending || asked !== null;

  function send(value: WriteValue) {
    setOutcome(null);
    write.mutate(
      { channelId, value },
      {
        onSuccess: (result) => setOutcome({ ...succeeded(result, unit, labels), at: Date.now() }),
        onError: (error) => setOutcome({ ...failed(error), at: Date.now() }),
        onSettled: () => setAsked(null),
      },
    );
  }

  return (
    <div className="setpoint" data-testid="setpoint" data-channel-id={channelId}>
      <CurrentValue value={value} unit={unit} options={options} />
      {access?.writable === false && (
        <p className="setpoint-reason" data-testid="setpoint-disabled">
          {access.reason}
        </p>
      )}
      {entry === "number" && access?.writable && (
        <p className="setpoint-limits muted" data-testid="setpoint-limits">
          Limits: {describeLimits(limits, unit)}
        </p>
      )}
      {entry === "toggle" ? (
        <ToggleEntry current={value.sample?.value} labels={labels} disabled={disabled} onWrite={setAsked} />
      ) : (
        <NumberEntry entry={entry} limits={limits} unit={unit} disabled={disabled} onWrite={setAsked} />
      )}
      {outcome && (
        <p
          className={`setpoint-outcome setpoint-${outcome.tone}`}
          role={outcome.tone === "good" ? "status" : "alert"}
          data-testid="setpoint-outcome"
          data-tone={outcome.tone}
        >
          <span className="muted">{formatClock(outcome.at)} </span>
          {outcome.text}
        </p>
      )}
      {asked !== null && channel && (
        <ConfirmWrite
          value={asked}
          channel={channel}
          labels={labels}
          pending={write.isPending}
          onConfirm={() => send(asked)}
          onCancel={() => setAsked(null)}
        />
      )}
    </div>
  );
}

function CurrentValue({ value, unit, options }: { value: ChannelValue; unit: string; options: WidgetOptions }) {
  return (
    <p className="setpoint-current" title={value.describe}>
      <span className="setpoint-caption">Now</span>
      <span className={valueClass(value)} data-testid="value">
        {formatValue(value.sample?.value, options.decimals, {
          on: options.onLabel ?? "on",
          off: options.offLabel ?? "off",
        })}
      </span>
      <span className="unit">{unit}</span>
      <QualityMark value={value} />
    </p>
  );
}
