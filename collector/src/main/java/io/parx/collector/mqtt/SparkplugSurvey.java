package io.parx.collector.mqtt;

import io.parx.common.discovery.SparkplugSurveyResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import org.eclipse.tahu.message.model.MessageType;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.model.MetricDataTypeMap;

import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.SparkplugNode.Birth;
import io.parx.common.discovery.SparkplugSurveyResult.Device;
import io.parx.common.discovery.SparkplugSurveyResult.EdgeNode;
import io.parx.common.discovery.SparkplugSurveyResult.Group;
import io.parx.common.discovery.SparkplugSurveyResult.MetricSeen;
import io.parx.common.discovery.SparkplugSurveyResult.State;
import io.parx.common.config.channel.SparkplugMetric;

/**
 * Listens to the Sparkplug B namespace of a broker for a few seconds and lists the
 * groups, edge nodes, devices and metrics the births declare (Sparkplug 3.0
 * §6.4.5-6.4.8), with the last values of the births and the data after them (by alias
 * through the birth, as the engine reads them). Births are rare, so an edge node that
 * only sends data is listed as {@link State#NO_BIRTH}; when asked, the discovery sends it
 * one rebirth request (§6.4.6, NCMD {@code Node Control/Rebirth}) and its births come
 * within the window. The running host application's state is not touched: the answering
 * NBIRTH reaches it too, as any rebirth does. Bounded: {@link #MAX_PLACES} edge nodes and
 * devices, {@link #MAX_METRICS} metrics, {@link #MAX_REBIRTH_REQUESTS} requests, and
 * packets of at most {@link #MAX_PACKET_BYTES}.
 */
final class SparkplugSurvey {

	/** The largest Sparkplug B payload the engine decodes, plus the topic. */
	static final int MAX_PACKET_BYTES = MqttPayloadParser.MAX_PAYLOAD_BYTES * 16 + 64 * 1024;

	/** Most edge nodes and devices listed. */
	static final int MAX_PLACES = 1000;

	/** Most metrics listed, over all births. */
	static final int MAX_METRICS = 20_000;

	/** Most rebirth requests one discovery sends. */
	static final int MAX_REBIRTH_REQUESTS = 100;

	private final boolean requestRebirth;

	/** Groups by id, then edge nodes by id; guarded by {@code this}. */
	private final Map<String, Map<String, Node>> groups = new TreeMap<>();

	private Mqtt5AsyncClient client;

	private long messages;

	private int places;

	private int metrics;

	private boolean truncated;

	private int rebirthRequests;

	private SparkplugSurvey(boolean requestRebirth) {
		this.requestRebirth = requestRebirth;
	}

	/**
	 * Connects, subscribes to {@code spBv1.0/<groupId>/#} (or {@code spBv1.0/#}), listens
	 * for {@code window} and lists what the births declared.
	 * @throws io.parx.common.problem.ProblemException 502/504 when the broker cannot be
	 * reached, refuses or does not answer
	 */
	static SparkplugSurveyResult run(MqttBroker broker, MqttSettings settings, String filter, Duration window,
			boolean requestRebirth, Duration answerTimeout) {
		SparkplugSurvey survey = new SparkplugSurvey(requestRebirth);
		Mqtt5AsyncClient client = SurveyClient.connect(broker, settings, "sparkplug", MAX_PACKET_BYTES, answerTimeout);
		long start;
		try {
			synchronized (survey) {
				survey.client = client;
			}
			SurveyClient.subscribe(client, broker, filter, MqttQos.AT_MOST_ONCE, survey::accept, answerTimeout);
			start = System.nanoTime();
			SurveyClient.listen(window);
		}
		finally {
			client.disconnect();
		}
		return survey.result(Duration.ofNanos(System.nanoTime() - start));
	}

	/** The subscription of a discovery: one group, or every group. */
	static String filter(String groupId) {
		return SparkplugMetric.NAMESPACE + "/" + ((groupId != null) ? groupId + "/" : "") + "#";
	}

	private synchronized void accept(Mqtt5Publish publish) {
		List<String> levels = publish.getTopic().getLevels();
		if (levels.size() < 4 || levels.size() > 5) {
			return; // STATE of host applications, and topics outside the namespace
		}
		MessageType type;
		try {
			type = MessageType.parseMessageType(levels.get(2));
		}
		catch (Exception ex) {
			return;
		}
		String deviceId = (levels.size() == 5) ? levels.get(4) : null;
		boolean deviceMessage = type == MessageType.DBIRTH || type == MessageType.DDATA || type == MessageType.DDEATH;
		if (type.isCommand() || type.isRecord() || type == MessageType.STATE || deviceMessage != (deviceId != null)) {
			return;
		}
		this.messages++;
		Node node = node(levels.get(1), levels.get(3));
		if (node == null) {
			return;
		}
		node.messages++;
		Place place = (deviceId == null) ? node.self : node.device(deviceId);
		if (place == null) {
			return;
		}
		byte[] bytes = publish.getPayloadAsBytes();
		switch (type) {
			case NBIRTH -> {
				node.devices.values().forEach((device) -> device.state = State.OFFLINE);
				place.born(bytes);
			}
			case DBIRTH -> place.born(bytes);
			case NDEATH -> {
				node.self.state = State.OFFLINE;
				node.devices.values().forEach((device) -> device.state = State.OFFLINE);
			}
			case DDEATH -> place.state = State.OFFLINE;
			default -> {
				if (place.birth == null) {
					rebirth(levels.get(1), levels.get(3), node);
				}
				else {
					place.data(bytes);
				}
			}
		}
	}

	private Node node(String groupId, String edgeNodeId) {
		Map<String, Node> nodes = this.groups.computeIfAbsent(groupId, (id) -> new TreeMap<>());
		Node node = nodes.get(edgeNodeId);
		if (node == null && claimPlace()) {
			node = new Node();
			nodes.put(edgeNodeId, node);
		}
		if (nodes.isEmpty()) {
			this.groups.remove(groupId);
		}
		return node;
	}

	private boolean claimPlace() {
		if (this.places >= MAX_PLACES) {
			this.truncated = true;
			return false;
		}
		this.places++;
		return true;
	}

	/** Asks an edge node for its births, once per discovery, when the request says so. */
	private void rebirth(String groupId, String edgeNodeId, Node node) {
		if (!this.requestRebirth || node.rebirthRequested || this.rebirthRequests >= MAX_REBIRTH_REQUESTS) {
			return;
		}
		node.rebirthRequested = true;
		this.rebirthRequests++;
		this.client.publishWith()
			.topic(SparkplugPayloads
				.commandTopic(new SparkplugMetric(groupId, edgeNodeId, null, SparkplugPayloads.REBIRTH)))
			.qos(MqttQos.AT_MOST_ONCE)
			.payload(SparkplugPayloads.rebirthRequest())
			.send();
	}

	private synchronized SparkplugSurveyResult result(Duration listened) {
		List<Group> result = new ArrayList<>();
		this.groups.forEach((groupId, nodes) -> {
			List<EdgeNode> edgeNodes = new ArrayList<>();
			nodes.forEach((edgeNodeId, node) -> {
				List<Device> devices = new ArrayList<>();
				node.devices.forEach((deviceId, device) -> devices
					.add(new Device(deviceId, device.state, device.metricList(), device.note)));
				edgeNodes.add(new EdgeNode(edgeNodeId, node.self.state, node.messages, node.rebirthRequested,
						node.self.metricList(), devices, node.self.note));
			});
			result.add(new Group(groupId, edgeNodes));
		});
		return new SparkplugSurveyResult(listened.toMillis(), this.messages, this.truncated, this.rebirthRequests,
				result);
	}

	/** An edge node: its own metrics and its devices. */
	private final class Node {

		private final Place self = new Place();

		private final Map<String, Place> devices = new TreeMap<>();

		private long messages;

		private boolean rebirthRequested;

		Place device(String deviceId) {
			Place device = this.devices.get(deviceId);
			if (device == null && claimPlace()) {
				device = new Place();
				this.devices.put(deviceId, device);
			}
			return device;
		}

	}

	/** An edge node's own metrics, or a device's. */
	private final class Place {

		private State state = State.NO_BIRTH;

		/** Names and types by alias, from the last birth. */
		private Birth birth;

		private final Map<String, MetricSeen> metrics = new LinkedHashMap<>();

		private String note;

		void born(byte[] bytes) {
			SparkplugBPayload payload = decode(bytes, null);
			if (payload == null) {
				return;
			}
			SparkplugSurvey.this.metrics -= this.metrics.size();
			this.metrics.clear();
			this.birth = new Birth();
			this.state = State.ONLINE;
			for (Metric metric : payload.getMetrics()) {
				if (metric == null || metric.getName() == null || SparkplugPayloads.BD_SEQ.equals(metric.getName())) {
					continue;
				}
				this.birth.add(metric);
				if (SparkplugSurvey.this.metrics >= MAX_METRICS) {
					SparkplugSurvey.this.truncated = true;
					continue;
				}
				SparkplugSurvey.this.metrics++;
				this.metrics.put(metric.getName(), SparkplugMetrics.seen(metric));
			}
		}

		void data(byte[] bytes) {
			SparkplugBPayload payload = decode(bytes, this.birth.types());
			if (payload == null) {
				return;
			}
			for (Metric metric : payload.getMetrics()) {
				String name = (metric != null) ? this.birth.name(metric) : null;
				MetricSeen known = (name != null) ? this.metrics.get(name) : null;
				if (known != null) {
					this.metrics.put(name, new MetricSeen(name, known.alias(), known.sparkplugType(), known.dataType(),
							SparkplugMetrics.value(metric)));
				}
			}
		}

		private SparkplugBPayload decode(byte[] bytes, MetricDataTypeMap types) {
			try {
				return SparkplugPayloads.decode(bytes, types);
			}
			catch (PayloadException ex) {
				this.note = ex.getMessage();
				return null;
			}
		}

		List<MetricSeen> metricList() {
			return List.copyOf(this.metrics.values());
		}

	}

}
