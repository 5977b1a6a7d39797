package io.parx.storage.state;

/**
 * Identifies one piece of rule-engine state (table {@code storage_rule_state}).
 *
 * @param ownerId the rule or batch definition id, 0 for current values
 * @param channelId the channel the state is about (0 for a rule's condition)
 * @param kind what the state is
 */
public record StateKey(long ownerId, long channelId, Kind kind) {

	public static StateKey current(long channelId) {
		return new StateKey(0, channelId, Kind.CURRENT_VALUE);
	}

	public enum Kind {

		/** Last stored (CHANGE) or held (CONTINUOUS) sample of a rule's channel. */
		RULE_CHANNEL,
		/** Last value of an EVENT or TRIGGER rule's condition. */
		RULE_CONDITION,
		/** The latest sample of a channel that events, triggers or batch names read. */
		CURRENT_VALUE,
		/** Last sample of a batch definition's trigger, start or stop channel. */
		BATCH_CHANNEL,
		/** Whether a batch definition has an open batch. */
		BATCH_OPEN;

		public short code() {
			return (short) ordinal();
		}

		public static Kind ofCode(int code) {
			return values()[code];
		}

	}

}
