package io.parx.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * deploy/kubernetes validated without a cluster (issue #21): every manifest parses into
 * the Kubernetes model with no unknown field, the base and the production overlay render,
 * and every ParX container is hardened and probed the same way.
 */
class KubernetesManifestsTests {

	private static final Path KUBERNETES = Path.of("kubernetes");

	@Test
	void everyManifestParsesIntoTheKubernetesModelWithoutUnknownFields() throws IOException {
		try (Stream<Path> files = Files.walk(KUBERNETES)) {
			List<Path> manifests = files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.endsWith("kustomization.yaml"))
				.toList();
			assertThat(manifests).hasSizeGreaterThan(10);
			for (Path file : manifests) {
				for (JsonNode document : Yaml.documents(file)) {
					assertThat(KubernetesModel.parse(document)).as(file.toString()).isNotNull();
				}
			}
		}
	}

	@Test
	void aMisspelledFieldIsRefusedNotIgnored() {
		// the check the tests above rely on: fabric8 alone would keep `replica` aside
		JsonNode typo = Yaml.MAPPER.readTree("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: { name: web }
				spec: { replica: 2 }
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesModel.parse(typo))
			.withMessageContaining("spec.replica");
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "production" })
	void everyContainerIsProbedLimitedAndRunsAsNonRootOnAReadOnlyRootFilesystem(String kustomization) {
		List<HasMetadata> objects = render(kustomization);
		Map<String, PodTemplateSpec> workloads = workloads(objects);
		assertThat(workloads.keySet()).containsAll(ComposeFile.parxServices().keySet());
		workloads.forEach((name, template) -> {
			PodSpec pod = template.getSpec();
			for (Container container : pod.getContainers()) {
				String what = kustomization + " " + name + "/" + container.getName();
				probes(what, container.getLivenessProbe(), "/actuator/health/liveness");
				probes(what, container.getReadinessProbe(), "/actuator/health/readiness");
				assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
				assertThat(container.getResources().getLimits()).as(what).containsKeys("cpu", "memory");
				assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what).isTrue();
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(what).isTrue();
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(what).isFalse();
				assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(what).contains("ALL");
				// the JVM and Tomcat write temporary files; the root filesystem is
				// read-only
				String tmp = container.getVolumeMounts()
					.stream()
					.filter((mount) -> mount.getMountPath().equals("/tmp"))
					.map(VolumeMount::getName)
					.findFirst()
					.orElseThrow(() -> new AssertionError(what + " mounts nothing at /tmp"));
				assertThat(pod.getVolumes()).as(what)
					.anySatisfy((volume) -> assertThat(volume.getName().equals(tmp) && volume.getEmptyDir() != null)
						.isTrue());
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "production" })
	void everyWorkloadHasADisruptionBudgetAndAServiceSelectingItsPods(String kustomization) {
		List<HasMetadata> objects = render(kustomization);
		Map<String, PodTemplateSpec> workloads = workloads(objects);
		List<PodDisruptionBudget> budgets = of(objects, PodDisruptionBudget.class);
		List<Service> services = of(objects, Service.class);
		workloads.forEach((name, template) -> {
			Map<String, String> labels = template.getMetadata().getLabels();
			assertThat(budgets).as(name)
				.anySatisfy((budget) -> assertThat(labels)
					.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
			assertThat(services).as(name)
				.anySatisfy((service) -> assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector()));
		});
		Set<String> serviceNames = services.stream().map(this::name).collect(Collectors.toSet());
		for (Ingress ingress : of(objects, Ingress.class)) {
			ingress.getSpec()
				.getRules()
				.forEach((rule) -> rule.getHttp()
					.getPaths()
					.forEach((path) -> assertThat(serviceNames).contains(path.getBackend().getService().getName())));
		}
		// TimescaleDB and Redis are services of the namespace, wherever they run
		assertThat(serviceNames).contains("timescaledb", "redis");
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "production" })
	void everySecretAndConfigMapAPodNeedsExistsOrIsShownInTheExample(String kustomization) {
		List<HasMetadata> objects = render(kustomization);
		Map<String, Set<String>> exampleSecrets = Yaml.documents(KUBERNETES.resolve("secrets.example.yaml"))
			.stream()
			.map((document) -> (Secret) KubernetesModel.parse(document))
			.collect(Collectors.toMap(this::name, (secret) -> secret.getStringData().keySet()));
		// an example with a real value would end up in a repository
		Yaml.documents(KUBERNETES.resolve("secrets.example.yaml"))
			.forEach((secret) -> secret.path("stringData")
				.properties()
				.forEach((entry) -> assertThat(entry.getValue().asString()).as(entry.getKey()).isIn("", "admin")));
		Set<String> configMaps = of(objects, ConfigMap.class).stream().map(this::name).collect(Collectors.toSet());
		workloads(objects).forEach((name, template) -> {
			for (Container container : template.getSpec().getContainers()) {
				container.getEnvFrom()
					.forEach((source) -> assertThat(configMaps).as(name).contains(source.getConfigMapRef().getName()));
				container.getEnv()
					.stream()
					.map(EnvVar::getValueFrom)
					.filter(Objects::nonNull)
					.map((from) -> from.getSecretKeyRef())
					.filter(Objects::nonNull)
					.forEach((ref) -> assertThat(exampleSecrets.get(ref.getName())).as(name + " " + ref.getName())
						.contains(ref.getKey()));
			}
			template.getSpec()
				.getVolumes()
				.stream()
				.map(Volume::getSecret)
				.filter(Objects::nonNull)
				.forEach((secret) -> assertThat(exampleSecrets).as(name).containsKey(secret.getSecretName()));
		});
	}

	@Test
	void productionScalesOnlyTheServicesThatMayRunSeveralTimes() {
		// several collectors of one name poll every device twice unless they share the
		// devices (failover); storage engines share the stream through the ingest lease
		// (one consumes, one stands by)
		Map<String, Integer> replicas = render("production").stream()
			.filter((object) -> object instanceof Deployment || object instanceof StatefulSet)
			.collect(Collectors.toMap(this::name, (object) -> (object instanceof Deployment deployment)
					? deployment.getSpec().getReplicas() : ((StatefulSet) object).getSpec().getReplicas()));
		assertThat(replicas).containsEntry("data-router", 3)
			.containsEntry("web", 3)
			.containsEntry("collector", 2)
			.containsEntry("storage-engine", 2)
			.containsEntry("admin-api", 1)
			.containsEntry("analytics-engine", 1);
		assertThat(collectorEnvironment("production")).containsEntry("PARX_COLLECTOR_FAILOVER", "true");
		assertThat(collectorEnvironment("base")).doesNotContainKey("PARX_COLLECTOR_FAILOVER");
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "production" })
	void eachCollectorPodAnnouncesItsOwnAddressUnderAHeadlessService(String kustomization) {
		List<HasMetadata> objects = render(kustomization);
		StatefulSet collector = of(objects, StatefulSet.class).stream()
			.filter((set) -> name(set).equals("collector"))
			.findFirst()
			.orElseThrow();
		Service pods = of(objects, Service.class).stream()
			.filter((service) -> name(service).equals(collector.getSpec().getServiceName()))
			.findFirst()
			.orElseThrow();
		assertThat(pods.getSpec().getClusterIP()).isEqualTo("None");
		assertThat(collectorEnvironment(kustomization)).containsEntry("PARX_COLLECTOR_ADVERTISED_URL",
				"http://$(PARX_COLLECTOR_INSTANCE)." + name(pods) + ":3002");
		EnvVar instance = collector.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.filter((env) -> env.getName().equals("PARX_COLLECTOR_INSTANCE"))
			.findFirst()
			.orElseThrow();
		assertThat(instance.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
	}

	private Map<String, String> collectorEnvironment(String kustomization) {
		StatefulSet collector = of(render(kustomization), StatefulSet.class).stream()
			.filter((set) -> name(set).equals("collector"))
			.findFirst()
			.orElseThrow();
		Map<String, String> environment = new LinkedHashMap<>();
		collector.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getEnv()
			.stream()
			.filter((env) -> env.getValue() != null)
			.forEach((env) -> environment.put(env.getName(), env.getValue()));
		return environment;
	}

	@Test
	void theOverlayPutsEverythingIntoItsNamespaceWithItsImages() {
		for (HasMetadata object : render("production")) {
			assertThat(object.getMetadata().getNamespace()).as(name(object))
				.isEqualTo(object.getKind().equals("Namespace") ? null : "parx");
		}
		workloads(render("production")).values()
			.forEach((template) -> assertThat(template.getSpec().getContainers().get(0).getImage())
				.startsWith("registry.example.internal/parx/"));
	}

	private static void probes(String what, Probe probe, String path) {
		assertThat(probe).as(what + " " + path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
	}

	private static List<HasMetadata> render(String kustomization) {
		return Kustomize.build(KUBERNETES.resolve(kustomization)).stream().map(KubernetesModel::parse).toList();
	}

	private static Map<String, PodTemplateSpec> workloads(List<HasMetadata> objects) {
		Map<String, PodTemplateSpec> workloads = new java.util.TreeMap<>();
		of(objects, Deployment.class)
			.forEach((d) -> workloads.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
		of(objects, StatefulSet.class)
			.forEach((s) -> workloads.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
		return workloads;
	}

	private static <T> List<T> of(List<HasMetadata> objects, Class<T> kind) {
		return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	private String name(HasMetadata object) {
		return object.getMetadata().getName();
	}

}
