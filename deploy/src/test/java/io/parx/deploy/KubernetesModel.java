package io.parx.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.JsonNode;

/**
 * Turns a manifest into fabric8's Kubernetes model, as strictly as an API server would: a
 * wrong type fails in Jackson, and a field the model does not know (a typo such as
 * {@code replica}, or a field of another API version) fails here. fabric8 keeps unknown
 * fields in {@code additionalProperties} instead of refusing them, so every object of the
 * parsed tree is walked for them.
 */
final class KubernetesModel {

	/** The kinds ParX deploys, by {@code apiVersion/kind}; anything else is refused. */
	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/ConfigMap", ConfigMap.class,
			"v1/Secret", Secret.class, "v1/Service", Service.class, "v1/Namespace", Namespace.class,
			"v1/PersistentVolumeClaim", PersistentVolumeClaim.class, "apps/v1/Deployment", Deployment.class,
			"apps/v1/StatefulSet", StatefulSet.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"networking.k8s.io/v1/Ingress", Ingress.class);

	private KubernetesModel() {
	}

	static HasMetadata parse(JsonNode manifest) {
		String type = manifest.path("apiVersion").asString() + "/" + manifest.path("kind").asString();
		Class<? extends HasMetadata> kind = KINDS.get(type);
		if (kind == null) {
			throw new IllegalArgumentException("unexpected kind " + type);
		}
		HasMetadata object = Yaml.MAPPER.treeToValue(manifest, kind);
		List<String> unknown = new ArrayList<>();
		collectUnknown(object, type + " " + object.getMetadata().getName(), unknown);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown fields: " + unknown);
		}
		return object;
	}

	private static void collectUnknown(Object object, String path, List<String> unknown) {
		if (object instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collectUnknown(list.get(i), path + "[" + i + "]", unknown);
			}
			return;
		}
		if (object instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collectUnknown(value, path + "." + key, unknown));
			return;
		}
		if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value = invoke(getter, object);
			String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			if (getter.getName().equals("getAdditionalProperties")) {
				((Map<?, ?>) value).keySet().forEach((field) -> unknown.add(path + "." + field));
			}
			else {
				collectUnknown(value, path + "." + property, unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object object) {
		try {
			return getter.invoke(object);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException(getter.toString(), ex);
		}
	}

}
