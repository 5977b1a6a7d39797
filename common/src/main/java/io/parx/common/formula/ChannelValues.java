package io.parx.common.formula;

import java.util.List;
import java.util.Map;

/**
 * The current values of a formula's channels at one evaluation time. Channels are
 * addressed by their index in {@link Formula#channelReferences()}, so evaluation needs no
 * hashing; a missing or non-numeric value is {@code NaN} (booleans are 1 and 0).
 */
@FunctionalInterface
public interface ChannelValues {

	/**
	 * The value of the channel at {@code index} in {@link Formula#channelReferences()}.
	 */
	double value(int index);

	/** Values given in the order of {@link Formula#channelReferences()}. */
	static ChannelValues of(double... values) {
		double[] copy = values.clone();
		return (index) -> (index < copy.length) ? copy[index] : Double.NaN;
	}

	/**
	 * Values looked up by reference (convenient in tests and one-off evaluations; hot
	 * loops should use an array in reference order).
	 */
	static ChannelValues of(Formula formula, Map<ChannelRef, Double> values) {
		List<ChannelRef> refs = formula.channelReferences();
		double[] array = new double[refs.size()];
		for (int i = 0; i < array.length; i++) {
			Double value = values.get(refs.get(i));
			array[i] = (value != null) ? value : Double.NaN;
		}
		return (index) -> array[index];
	}

}
