package io.parx.storage.alarms;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.common.config.alarm.AlarmCondition;
import io.parx.common.config.alarm.AlarmDefinition;
import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.config.alarm.AlarmType;
import io.parx.common.config.alarm.MessageTemplate;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * The CPU time of alarm evaluation alone (evaluate and commit of the state, no database),
 * per million samples, fed as {@code StorageIngestBench}'s {@code +ALARMS10000} variants
 * feed the engine: 1,000 channels, 10 HI definitions each, batches of 200 entries of one
 * sample per channel. Thread CPU time in one JVM, so it is far less disturbed by other
 * work on the machine than the engine's CPU in the end-to-end bench (docs/PERFORMANCE.md,
 * "Alarm evaluation on the storage path"). Not a test; run from the repository root after
 * {@code ./mvnw -pl storage-engine test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp storage-engine/target/test-classes:storage-engine/target/classes:$(cat
 * storage-engine/target/cp.txt) io.parx.storage.alarms.AlarmEvaluationCost [quiet|raised]
 * [rounds]}. {@code quiet}: limits above the values (5,000 and up), no transition;
 * {@code raised}: limits between 50 and 110 that the sine crosses. The second half of the
 * rounds is measured.
 */
public final class AlarmEvaluationCost {

	private AlarmEvaluationCost() {
	}

	public static void main(String[] args) {
		boolean raised = args.length > 0 && args[0].equals("raised");
		int channels = 1000, per = 10, entries = 200, rounds = Integer.parseInt(args.length > 1 ? args[1] : "40");
		List<WatchedAlarm> alarms = new ArrayList<>();
		long id = 1;
		for (int c = 1; c <= channels; c++) {
			for (int k = 0; k < per; k++) {
				double limit = raised ? 50 + ((c * per + k) % 61) : 5000 + k;
				alarms.add(new WatchedAlarm(id++,
						new AlarmDefinition("a" + id, c, new AlarmCondition.Limit(AlarmType.HI, limit, 2),
								Duration.ZERO, Duration.ZERO, AlarmPriority.HIGH,
								new MessageTemplate("{channel} at {value} {unit}"), true),
						"bench-" + c, "°C"));
			}
		}
		AlarmSet set = new AlarmSet(alarms);
		AlarmStates states = new AlarmStates(Map.of());
		AlarmEvaluator evaluator = new AlarmEvaluator(states);
		var bean = ManagementFactory.getThreadMXBean();
		long step = 0, cpu = 0, samples = 0, transitions = 0;
		for (int r = 0; r < rounds; r++) {
			List<Sample> batch = new ArrayList<>(entries * channels);
			for (int e = 0; e < entries; e++, step++) {
				for (int c = 1; c <= channels; c++) {
					batch.add(new Sample(c, 1_767_225_600_000_000L + step * 1_000_000,
							SampleValue.of(Math.sin(step / 10.0) * 100 + (raised ? 0 : c)), Quality.GOOD));
				}
			}
			long start = bean.getCurrentThreadCpuTime();
			transitions += evaluator.evaluate(batch, set).transitions().size();
			states.commit();
			long used = bean.getCurrentThreadCpuTime() - start;
			if (r >= rounds / 2) {
				cpu += used;
				samples += batch.size();
			}
		}
		System.out.printf("%s: %.3f s CPU per million samples (%.0f ns a sample, %d definitions), transitions %d%n",
				raised ? "raised" : "quiet", cpu / 1e9 / (samples / 1e6), (double) cpu / samples, alarms.size(),
				transitions);
	}

}
