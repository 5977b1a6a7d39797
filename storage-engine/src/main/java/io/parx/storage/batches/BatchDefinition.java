package io.parx.storage.batches;

/**
 * A batch (coil) definition from the config database ({@code batch_definition}).
 * VALUE_CHANGE: a new batch starts whenever the trigger channel's value changes and is
 * named by the new value. START_STOP: a rising edge of the start channel opens a batch, a
 * rising edge of the stop channel (or a falling edge of the start channel when there is
 * no stop channel) closes it; it is named by the name channel's current value when set.
 *
 * @param id the definition's id
 * @param mode how batches are delimited
 * @param triggerChannelId VALUE_CHANGE trigger, else 0
 * @param startChannelId START_STOP start channel, else 0
 * @param stopChannelId START_STOP stop channel, 0 when none
 * @param nameChannelId channel naming the batch, 0 when none
 */
public record BatchDefinition(long id, Mode mode, long triggerChannelId, long startChannelId, long stopChannelId,
		long nameChannelId) {

	public BatchDefinition {
		if (mode == Mode.VALUE_CHANGE && triggerChannelId <= 0) {
			throw new IllegalArgumentException("a VALUE_CHANGE batch definition needs a trigger channel");
		}
		if (mode == Mode.START_STOP && startChannelId <= 0) {
			throw new IllegalArgumentException("a START_STOP batch definition needs a start channel");
		}
	}

	public enum Mode {

		VALUE_CHANGE, START_STOP

	}

}
