package io.parx.analytics.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/**
	 * Raw rows a chart may read per output point when a rollup would also do: as many as
	 * the finest rollup (10 s) reads per point at worst for 1 Hz data.
	 */
	static final int RAW_ROWS_PER_POINT = 10;

	/**
	 * Output points one 10 s rollup bucket may stand for when it replaces raw rows: views
	 * from a third of {@code 10 s x maxPoints} (1.5 hours at 1,630 points) read
	 * {@code rollup_10s} instead of up to 16,300 raw rows per channel for channels with
	 * more samples than points (issue 15: those raw views were the slowest zooms, in the
	 * engine and in the browser, whose join of per-channel LTTB times grew to 8,000 x
	 * values). The price: one point per 10 s, up to three pixels apart, and a spike
	 * averaged into its bucket, as in every rollup view.
	 */
	static final int TEN_SECOND_POINTS = 3;

	private static final NumericSeries EMPTY = new NumericSeries(0);

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
		else if (spec.downsample() != Downsample.NONE && !spec.channelIds().isEmpty()) {
			for (Sampled sampled : downsampled(spec, infos)) {
				result.add(sampled.toSeries("raw"));
			}
		}
		else {
			for (long id : spec.channelIds()) {
				result.add(channel(spec, infos.get(id)));
			}
		}
		for (long id : spec.derivedSignalIds()) {
			result.add(derived(spec, id).toSeries(spec.interval().label()));
		}
		return result;
	}

	/**
	 * A chart's series: the request checked as a query's ({@link QuerySpec#of}), the one
	 * place a history request is validated, then {@link #chart(QuerySpec)}.
	 */
	List<Sampled> chart(ChartRequest request) {
		return chart(QuerySpec.of(request.toQuery(), this.settings));
	}

	/**
	 * A chart's series, downsampled to {@code maxPoints}, in primitive arrays: channels
	 * first, then derived signals, each in the order asked.
	 */
	List<Sampled> chart(QuerySpec spec) {
		Map<Long, ChannelInfo> infos = this.channels.require(spec.channelIds());
		List<Sampled> result = new ArrayList<>();
		if (!spec.channelIds().isEmpty()) {
			result.addAll(downsampled(spec, infos));
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
		List<RawPoint> points = this.samples.raw(info.id(), spec.from(), spec.to(), spec.maxPoints());
		return new Series("channel", info.id(), info.name(), info.unit(), "raw", "raw", points);
	}

	/**
	 * The input of a downsampled chart (issue 15): the coarsest rollup whose buckets are
	 * no wider than one output point's share of the range, so the chart keeps at least
	 * one input point per output point while reading at most 6-10 rows per point
	 * (adjacent levels differ by that factor; one year to 1,600 points reads 8,760 hourly
	 * rows, a day 8,640 rows of 10 s, not 86,400 raw ones). Raw rows, exact, when no
	 * rollup is that fine (up to {@code maxDownsampleInput} of them, else the finest
	 * rollup; down to a third of that width the finest rollup for channels with more
	 * samples than points, {@link #TEN_SECOND_POINTS}), or when the rollup read says the
	 * range holds at most {@link #RAW_ROWS_PER_POINT} samples per point (sparse
	 * channels). LTTB then runs on bucket averages, min-max on bucket minima and maxima.
	 */
	private List<Sampled> downsampled(QuerySpec spec, Map<Long, ChannelInfo> infos) {
		Set<Long> ids = new LinkedHashSet<>(spec.channelIds());
		long range = Micros.of(spec.to()) - Micros.of(spec.from());
		Level level = Level.coarsestWithin(range / spec.maxPoints());
		Set<Long> fromRollup = ids;
		long rawBudget = Math.min((long) RAW_ROWS_PER_POINT * spec.maxPoints(), this.settings.maxDownsampleInput());
		if (level == null && tenSecondsWillDo(range, spec.maxPoints())) {
			level = Level.TEN_SECONDS;
			// raw rows only where they are no more than the points asked for
			rawBudget = spec.maxPoints();
		}
		else if (level == null) {
			// Raw unless the hourly rollup says a channel has too many samples even for
			// this.
			Map<Long, Long> estimates = this.rollups.estimateCounts(ids, spec.from(), spec.to());
			level = Level.TEN_SECONDS;
			fromRollup = new LinkedHashSet<>();
			for (long id : ids) {
				if (estimates.getOrDefault(id, 0L) > this.settings.maxDownsampleInput()) {
					fromRollup.add(id);
				}
			}
		}
		Map<Long, RollupReader.Chart> charts = fromRollup.isEmpty() ? Map.of() : this.rollups.chartSeries(level,
				fromRollup, spec.from(), spec.to(), spec.downsample() == Downsample.MINMAX);
		Set<Long> fromRaw = new LinkedHashSet<>();
		for (long id : ids) {
			RollupReader.Chart chart = charts.get(id);
			if (chart == null || chart.samples() <= rawBudget) {
				fromRaw.add(id);
			}
		}
		// The raw rows of all those channels in one statement, as the rollups above.
		Map<Long, NumericSeries> raw = fromRaw.isEmpty() ? Map.of()
				: this.samples.numeric(fromRaw, spec.from(), spec.to(), this.settings.maxDownsampleInput());
		String mode = "+" + spec.downsample().name().toLowerCase(java.util.Locale.ROOT);
		List<Sampled> result = new ArrayList<>(spec.channelIds().size());
		for (long id : spec.channelIds()) {
			ChannelInfo info = infos.get(id);
			NumericSeries input = fromRaw.contains(id) ? raw.getOrDefault(id, EMPTY) : charts.get(id).series();
			String source = fromRaw.contains(id) ? "raw" : level.table();
			NumericSeries sampled = Downsampler.apply(spec.downsample(), input, spec.maxPoints());
			result.add(new Sampled("channel", info.id(), info.name(), info.unit(), source + mode, sampled));
		}
		return result;
	}

	/**
	 * Whether a chart of this range may read {@code rollup_10s} although its buckets are
	 * wider than one point's share: when a bucket stands for at most
	 * {@link #TEN_SECOND_POINTS} points.
	 */
	static boolean tenSecondsWillDo(long rangeMicros, int maxPoints) {
		return rangeMicros * TEN_SECOND_POINTS / maxPoints >= Level.TEN_SECONDS.micros();
	}

	private Sampled derived(QuerySpec spec, long id) {
		long rangeMicros = Micros.of(spec.to()) - Micros.of(spec.from());
		long step = spec.interval().isBucketed() ? spec.interval().micros() : Step.auto(rangeMicros, spec.maxPoints());
		DerivedSignals.Evaluated evaluated = this.derived.evaluate(id, spec.from(), spec.to(), step, spec.maxPoints());
		return new Sampled("derived", id, evaluated.signal().name(), evaluated.signal().unit(), "formula",
				evaluated.points());
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
