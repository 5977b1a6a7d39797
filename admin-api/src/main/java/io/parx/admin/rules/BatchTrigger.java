package io.parx.admin.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.SettingsReader;

/**
 * What opens and closes a production batch (coil), as in {@code batch_definition} of the
 * V1 config schema.
 */
sealed interface BatchTrigger permits BatchTrigger.ValueChange, BatchTrigger.StartStop {

	String mode();

	/** The channel ids by API field name; absent ones are {@code null}. */
	Map<String, Long> channelIds();

	/**
	 * @return the trigger, or {@code null} when a field was rejected
	 */
	static BatchTrigger read(String mode, SettingsReader f) {
		int before = f.problems().size();
		BatchTrigger trigger = switch (mode) {
			case "VALUE_CHANGE" -> {
				Long trigger1 = f.longValue("triggerChannelId", null, 1, Long.MAX_VALUE);
				for (String other : new String[] { "startChannelId", "stopChannelId", "nameChannelId" }) {
					if (f.has(other)) {
						f.reject(other,
								"applies only to mode START_STOP (a VALUE_CHANGE batch is named by the new value)");
					}
				}
				yield new ValueChange(trigger1);
			}
			case "START_STOP" -> {
				if (f.has("triggerChannelId")) {
					f.reject("triggerChannelId", "applies only to mode VALUE_CHANGE");
				}
				Long start = f.longValue("startChannelId", null, 1, Long.MAX_VALUE);
				Long stop = f.optionalLong("stopChannelId", 1, Long.MAX_VALUE);
				Long name = f.optionalLong("nameChannelId", 1, Long.MAX_VALUE);
				if (start != null && start.equals(stop)) {
					f.reject("stopChannelId", "must differ from startChannelId (omit it to close on the falling edge)");
				}
				yield new StartStop(start, stop, name);
			}
			default -> throw new IllegalArgumentException("unknown mode " + mode);
		};
		return (f.problems().size() == before) ? trigger : null;
	}

	/**
	 * A new batch whenever the trigger channel's value changes, named by the new value.
	 */
	record ValueChange(Long triggerChannelId) implements BatchTrigger {

		@Override
		public String mode() {
			return "VALUE_CHANGE";
		}

		@Override
		public Map<String, Long> channelIds() {
			Map<String, Long> ids = new LinkedHashMap<>();
			ids.put("triggerChannelId", this.triggerChannelId);
			return ids;
		}

	}

	/**
	 * A rising edge of the start channel opens a batch; a rising edge of the stop
	 * channel, or a falling edge of the start channel without one, closes it.
	 */
	record StartStop(Long startChannelId, Long stopChannelId, Long nameChannelId) implements BatchTrigger {

		@Override
		public String mode() {
			return "START_STOP";
		}

		@Override
		public Map<String, Long> channelIds() {
			Map<String, Long> ids = new LinkedHashMap<>();
			ids.put("startChannelId", this.startChannelId);
			ids.put("stopChannelId", this.stopChannelId);
			ids.put("nameChannelId", this.nameChannelId);
			return ids;
		}

	}

}
