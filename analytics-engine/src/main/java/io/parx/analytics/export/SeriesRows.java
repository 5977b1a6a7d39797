package io.parx.analytics.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.parx.analytics.history.RawPoint;
import io.parx.analytics.query.BucketPoint;
import io.parx.analytics.query.Series;

/** Query answers as table rows: one row per point, series after series. */
final class SeriesRows {

	static final List<String> RAW_COLUMNS = List.of("time", "series", "id", "name", "value", "quality");

	static final List<String> BUCKET_COLUMNS = List.of("time", "series", "id", "name", "avg", "twa", "min", "max",
			"first", "last", "count", "sum", "stddev", "goodShare", "filled");

	private SeriesRows() {
	}

	static void write(List<Series> series, TableWriter writer) throws IOException {
		boolean buckets = series.stream().flatMap((s) -> s.points().stream()).anyMatch(BucketPoint.class::isInstance);
		writer.header(buckets ? BUCKET_COLUMNS : RAW_COLUMNS);
		for (Series one : series) {
			for (Object point : one.points()) {
				List<Object> cells = new ArrayList<>(List.of(one.kind(), one.id(), one.name()));
				switch (point) {
					case RawPoint raw -> {
						cells.add(0, raw.time());
						cells.add(raw.value());
						if (buckets) {
							// A derived signal next to aggregated channels: its value
							// goes in the avg column.
							cells.addAll(java.util.Collections.nCopies(BUCKET_COLUMNS.size() - cells.size(), null));
						}
						else {
							cells.add(raw.quality());
						}
					}
					case BucketPoint bucket -> {
						cells.add(0, bucket.time());
						cells.addAll(java.util.Arrays.asList(bucket.avg(), bucket.twa(), bucket.min(), bucket.max(),
								bucket.first(), bucket.last(), bucket.count(), bucket.sum(), bucket.stddev(),
								bucket.goodShare(), bucket.filled()));
					}
					default -> throw new IllegalStateException("unknown point " + point);
				}
				writer.row(cells.toArray());
			}
		}
	}

}
