package io.parx.analytics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.channels.ChannelDirectory.ChannelInfo;
import io.parx.analytics.derived.DerivedSignals;
import io.parx.analytics.derived.Step;
import io.parx.analytics.history.Micros;
import io.parx.analytics.history.NumericSeries;
import io.parx.analytics.history.RawPoint;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.RollupReader.Level;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;

/** Answers a validated query, series by series. */
@Service
public class QueryService {

	private final SampleReader samples;

	private final RollupReader rollups;

	private final Aggregator aggregator;

	private final ChannelDirectory channels;

	private final DerivedSignals derived;

	private final AnalyticsSettings settings;

	QueryService(SampleReader samples, RollupReader rollups, Aggregator aggregator, ChannelDirectory channels,
			DerivedSignals derived, AnalyticsSettings settings) {
		this.samples = samples;
		this.rollups = rollups;
		this.aggregator = aggregator;
		this.channels = channels;
		this.derived = derived;
		this.settings = settings;
	}

	public List<Series> query(QueryRequest request) {
		return query(QuerySpec.of(request, this.settings));
	}

	List<Series> query(QuerySpec spec) {
		Map<Long, ChannelInfo> infos = this.channels.require(spec.channelIds());
		List<Series> result = new ArrayList<>();
		if (spec.interval().isBucketed() && !spec.channelIds().isEmpty()) {
			result.addAll(bucketed(spec, infos));
		}
		else {
			for (long id : spec.channelIds()) {
				result.add(channel(spec, infos.get(id)));
			}
		}
		for (long id : spec.derivedSignalIds()) {
			result.add(derived(spec, id));
		}
		return result;
	}

	/** All channels' buckets, aggregated together (one rollup read for the request). */
	private List<Series> bucketed(QuerySpec spec, Map<Long, ChannelInfo> infos) {
		Bucketing bucketing = new Bucketing(spec.interval(), spec.zone());
		Map<Long, Aggregator.Result> aggregated = this.aggregator.aggregate(spec.channelIds(), spec.from(), spec.to(),
				bucketing, spec.aggregates());
		List<Series> result = new ArrayList<>(spec.channelIds().size());
		for (long id : spec.channelIds()) {
			ChannelInfo info = infos.get(id);
			Aggregator.Result channel = aggregated.get(id);
			List<BucketPoint> points = GapFiller.fill(channel.points(), bucketing, Micros.of(spec.from()),
					Micros.of(spec.to()), spec.gapFill(), spec.aggregates());
			result.add(new Series("channel", info.id(), info.name(), info.unit(), spec.interval().label(),
					channel.source(), points));
		}
		return result;
	}

	private Series channel(QuerySpec spec, ChannelInfo info) {
		if (spec.downsample() == Downsample.NONE) {
			List<RawPoint> points = this.samples.raw(info.id(), spec.from(), spec.to(), spec.maxPoints());
			return new Series("channel", info.id(), info.name(), info.unit(), "raw", "raw", points);
		}
		return downsampled(spec, info);
	}

	/**
	 * Raw rows when the hourly rollup says they are few enough to read, otherwise the
	 * coarsest rollup that still gives LTTB or min-max four input points per output point
	 * (one year to 2,000 points reads 8,760 hourly rows, not 525,600 minute rows): LTTB
	 * then runs on bucket averages, min-max on bucket minima and maxima.
	 */
	private Series downsampled(QuerySpec spec, ChannelInfo info) {
		long estimate = this.rollups.estimateCount(info.id(), spec.from(), spec.to());
		NumericSeries input;
		String source;
		if (estimate <= this.settings.maxDownsampleInput()) {
			input = this.samples.numeric(info.id(), spec.from(), spec.to(), this.settings.maxDownsampleInput());
			source = "raw";
		}
		else {
			long range = Micros.of(spec.to()) - Micros.of(spec.from());
			Level level = (range / Level.HOUR.micros() >= 4L * spec.maxPoints()) ? Level.HOUR : Level.MINUTE;
			input = this.rollups.chartSeries(level, info.id(), spec.from(), spec.to(),
					spec.downsample() == Downsample.MINMAX);
			source = level.table();
		}
		NumericSeries sampled = Downsampler.apply(spec.downsample(), input, spec.maxPoints());
		return new Series("channel", info.id(), info.name(), info.unit(), "raw",
				source + "+" + spec.downsample().name().toLowerCase(java.util.Locale.ROOT), raw(sampled));
	}

	private Series derived(QuerySpec spec, long id) {
		long rangeMicros = Micros.of(spec.to()) - Micros.of(spec.from());
		long step = spec.interval().isBucketed() ? spec.interval().micros() : Step.auto(rangeMicros, spec.maxPoints());
		DerivedSignals.Evaluated evaluated = this.derived.evaluate(id, spec.from(), spec.to(), step, spec.maxPoints());
		return new Series("derived", id, evaluated.signal().name(), evaluated.signal().unit(), spec.interval().label(),
				"formula", raw(evaluated.points()));
	}

	static List<RawPoint> raw(NumericSeries series) {
		List<RawPoint> points = new ArrayList<>(series.size());
		for (int i = 0; i < series.size(); i++) {
			double value = series.value(i);
			boolean defined = !Double.isNaN(value);
			points.add(new RawPoint(Micros.toInstant(series.time(i)), defined ? value : null,
					defined ? Integer.toUnsignedLong(series.quality(i)) : 0x80000000L));
		}
		return points;
	}

}
