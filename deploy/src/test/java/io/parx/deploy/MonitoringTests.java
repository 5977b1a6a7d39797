package io.parx.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose profile {@code monitoring} (issue #21): Prometheus scrapes every service
 * with the static token, Grafana's dashboards use only datasources it is provisioned
 * with, and the alerts and panels use only metrics docs/OPERATIONS.md explains (whose
 * presence each service's metrics test checks).
 */
class MonitoringTests {

	private static final Path PROMETHEUS = Path.of("prometheus/prometheus.yml");

	private static final Path GRAFANA = Path.of("grafana");

	private static final Pattern PARX_METRIC = Pattern.compile("\\bparx_[a-z_]+");

	@Test
	void prometheusScrapesEveryServiceOfTheComposeFileWithTheStaticToken() {
		JsonNode job = Yaml.document(PROMETHEUS).path("scrape_configs").get(0);
		assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(job.path("authorization").path("credentials_file").asString()).isEqualTo("/tmp/metrics-token");
		Set<String> targets = new TreeSet<>();
		job.path("static_configs")
			.forEach((config) -> config.path("targets").forEach((t) -> targets.add(t.asString())));
		Set<String> expected = new TreeSet<>();
		ComposeFile.parxServices().forEach((service, port) -> expected.add(service + ":" + port));
		assertThat(targets).isEqualTo(expected);
	}

	@Test
	void composeMountsThePrometheusAndGrafanaFilesIntoTheMonitoringProfile() {
		for (String service : List.of("prometheus", "grafana", "grafana-db-reader")) {
			JsonNode compose = ComposeFile.service(service);
			assertThat(compose.path("profiles").get(0).asString()).as(service).isEqualTo("monitoring");
			compose.path("volumes").forEach((volume) -> {
				String source = volume.asString().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(Path.of("..", source)).as(service).exists();
				}
			});
		}
	}

	@Test
	void everyDashboardPanelAndVariableUsesAProvisionedDatasource() throws IOException {
		Set<String> provisioned = new HashSet<>();
		Yaml.document(GRAFANA.resolve("provisioning/datasources/parx.yml"))
			.path("datasources")
			.forEach((datasource) -> provisioned.add(datasource.path("uid").asString()));
		List<Path> dashboards = dashboards();
		assertThat(dashboards).hasSize(2);
		for (Path file : dashboards) {
			JsonNode dashboard = Yaml.document(file);
			assertThat(dashboard.path("panels")).as(file.toString()).isNotEmpty();
			for (JsonNode panel : dashboard.path("panels")) {
				String what = file.getFileName() + " " + panel.path("title").asString();
				assertThat(provisioned).as(what).contains(panel.path("datasource").path("uid").asString());
				assertThat(panel.path("targets")).as(what).isNotEmpty();
				panel.path("targets")
					.forEach((target) -> assertThat(provisioned).as(what)
						.contains(target.path("datasource").path("uid").asString()));
			}
			dashboard.path("templating")
				.path("list")
				.forEach((variable) -> assertThat(provisioned).as(file + " $" + variable.path("name").asString())
					.contains(variable.path("datasource").path("uid").asString()));
		}
	}

	@Test
	void thePlantValuesDashboardQueriesTheSamplesOfItsChannelVariable() {
		JsonNode dashboard = Yaml.document(GRAFANA.resolve("dashboards/parx-plant-values.json"));
		JsonNode channel = dashboard.path("templating").path("list").get(0);
		assertThat(channel.path("name").asString()).isEqualTo("channel");
		assertThat(channel.path("query").asString()).contains("from samples");
		dashboard.path("panels")
			.forEach((panel) -> assertThat(panel.path("targets").get(0).path("rawSql").asString())
				.contains("from samples", "channel_id in ($channel)", "$__timeFilter(time)"));
	}

	@Test
	void alertsAndDashboardsUseOnlyMetricsTheOperationsGuideExplains() throws IOException {
		String guide = Files.readString(Path.of("../docs/OPERATIONS.md"));
		List<String> used = new ArrayList<>();
		used.addAll(metrics(Files.readString(Path.of("prometheus/alerts.yml"))));
		for (Path dashboard : dashboards()) {
			used.addAll(metrics(Files.readString(dashboard)));
		}
		assertThat(used).isNotEmpty().allSatisfy((metric) -> assertThat(guide).contains("`" + metric));
	}

	private static List<String> metrics(String text) {
		List<String> names = new ArrayList<>();
		Matcher matcher = PARX_METRIC.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	private static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

}
