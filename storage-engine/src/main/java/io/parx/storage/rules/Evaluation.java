package io.parx.storage.rules;

import java.util.List;
import java.util.Map;

import io.parx.common.sample.Sample;
import io.parx.storage.batches.BatchEvent;
import io.parx.storage.state.RuleState;
import io.parx.storage.state.StateKey;

/**
 * What the rules decided for a batch of samples.
 *
 * @param timeseries samples for the {@code samples} table (duplicates possible; the
 * writer removes them)
 * @param files samples per FILE rule, in time order
 * @param batchEvents batches opened and closed, in time order
 * @param stateChanges rule state to persist with the rows
 */
public record Evaluation(List<Sample> timeseries, Map<StorageRule, List<Sample>> files, List<BatchEvent> batchEvents,
		Map<StateKey, RuleState> stateChanges) {

	public int storedCount() {
		return this.timeseries.size() + this.files.values().stream().mapToInt(List::size).sum();
	}

}
