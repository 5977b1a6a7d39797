package io.parx.collector.mqtt;

import io.parx.common.discovery.MqttJsonLeaf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.tahu.message.model.SparkplugBPayload;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parx.collector.mqtt.MqttPayloadParser.Payload;
import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.parx.common.config.channel.SparkplugMetric;

/**
 * What a payload seen by the topic discovery is: the payload format an MQTT channel would
 * read it with (parsed as {@link MqttPayloadParser} parses it), its text cut short for
 * display, and for JSON the RFC 6901 pointers to its number, boolean and string leaves,
 * which is what a channel's {@code valuePointer} takes.
 */
final class PayloadInspector {

	/** Most characters of a payload shown. */
	static final int MAX_SHOWN_CHARS = 1000;

	/** Most leaves listed per JSON payload. */
	static final int MAX_LEAVES = 200;

	/** Most characters of a string leaf shown. */
	static final int MAX_LEAF_CHARS = 200;

	/** Deepest JSON nesting walked for leaves. */
	private static final int MAX_DEPTH = 32;

	private PayloadInspector() {
	}

	/**
	 * One payload's kind and content.
	 *
	 * @param format the payload format a channel would read it with, {@code null} when
	 * none fits (binary, empty)
	 * @param text the payload as text (or a summary for Sparkplug B), at most
	 * {@link #MAX_SHOWN_CHARS}, {@code null} for binary
	 * @param textTruncated whether {@code text} was cut short
	 * @param leaves for JSON: the leaves a channel can read
	 * @param leavesTruncated whether there were more than {@link #MAX_LEAVES}
	 * @param note why no format fits, or {@code null}
	 */
	record Inspection(PayloadFormat format, String text, boolean textTruncated, List<MqttJsonLeaf> leaves,
			boolean leavesTruncated, String note) {

		static Inspection none(String note) {
			return new Inspection(null, null, false, List.of(), false, note);
		}

	}

	static Inspection inspect(String topic, byte[] bytes) {
		if (bytes.length == 0) {
			return Inspection.none("empty payload (a retained message being cleared?)");
		}
		if (topic.startsWith(SparkplugMetric.NAMESPACE + "/")) {
			Inspection sparkplug = sparkplug(topic, bytes);
			if (sparkplug != null) {
				return sparkplug;
			}
		}
		Payload payload = new Payload(bytes);
		String text;
		try {
			text = payload.text();
		}
		catch (PayloadException ex) {
			return Inspection.none(ex.getMessage() + " (" + bytes.length + " bytes)");
		}
		String stripped = text.strip();
		if (isNumber(stripped)) {
			return plain(PayloadFormat.NUMBER, text);
		}
		if (isBoolean(stripped)) {
			return plain(PayloadFormat.BOOLEAN, text);
		}
		if (stripped.startsWith("{") || stripped.startsWith("[")) {
			try {
				JsonNode document = payload.document();
				List<MqttJsonLeaf> leaves = new ArrayList<>();
				boolean complete = leaves(document, "", 0, leaves);
				return new Inspection(PayloadFormat.JSON, shown(text), text.length() > MAX_SHOWN_CHARS,
						List.copyOf(leaves), !complete, null);
			}
			catch (PayloadException ex) {
				// text that looks like JSON and is not: a channel reads it as a string
			}
		}
		return plain(PayloadFormat.STRING, text);
	}

	private static Inspection plain(PayloadFormat format, String text) {
		return new Inspection(format, shown(text), text.length() > MAX_SHOWN_CHARS, List.of(), false, null);
	}

	/** A summary of a Sparkplug B message Tahu decodes, else {@code null}. */
	private static Inspection sparkplug(String topic, byte[] bytes) {
		SparkplugBPayload payload;
		try {
			payload = SparkplugPayloads.decode(bytes, null);
		}
		catch (PayloadException ex) {
			// data by alias needs its birth's types: still Sparkplug B by its topic
			String[] levels = topic.split("/", 4);
			return (levels.length > 2 && levels[2].endsWith("DATA")) ? new Inspection(PayloadFormat.SPARKPLUG_B,
					levels[2] + " (metrics by alias; their names and types are in the births)", false, List.of(), false,
					null) : null;
		}
		String[] levels = topic.split("/", 4);
		String type = (levels.length > 2) ? levels[2] : "";
		String summary = type + ((payload.getSeq() != null) ? " seq " + payload.getSeq() : "") + ", "
				+ payload.getMetrics().size() + " metrics";
		return new Inspection(PayloadFormat.SPARKPLUG_B, summary, false, List.of(), false, null);
	}

	/**
	 * Collects the leaves depth first, in document order.
	 * @return whether all leaves were collected
	 */
	private static boolean leaves(JsonNode node, String pointer, int depth, List<MqttJsonLeaf> leaves) {
		if (node.isNumber() || node.isBoolean() || node.isString()) {
			if (leaves.size() >= MAX_LEAVES) {
				return false;
			}
			leaves.add(leaf(pointer, node));
			return true;
		}
		if (depth >= MAX_DEPTH) {
			return true;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (!leaves(property.getValue(), pointer + "/" + escape(property.getKey()), depth + 1, leaves)) {
					return false;
				}
			}
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode item : node) {
				if (!leaves(item, pointer + "/" + index++, depth + 1, leaves)) {
					return false;
				}
			}
		}
		return true;
	}

	private static MqttJsonLeaf leaf(String pointer, JsonNode node) {
		if (node.isNumber()) {
			return new MqttJsonLeaf(pointer, PayloadFormat.NUMBER, node.numberValue());
		}
		if (node.isBoolean()) {
			return new MqttJsonLeaf(pointer, PayloadFormat.BOOLEAN, node.booleanValue());
		}
		String text = node.stringValue();
		return new MqttJsonLeaf(pointer, PayloadFormat.STRING,
				(text.length() > MAX_LEAF_CHARS) ? text.substring(0, MAX_LEAF_CHARS) + "…" : text);
	}

	/** RFC 6901 §3: {@code ~} is written {@code ~0} and {@code /} {@code ~1}. */
	static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	/** Whether {@link MqttPayloadParser} reads the text as a NUMBER payload. */
	private static boolean isNumber(String text) {
		try {
			MqttPayloadParser.number(text);
			return true;
		}
		catch (PayloadException ex) {
			return false;
		}
	}

	/**
	 * Whether {@link MqttPayloadParser} reads the text as a BOOLEAN payload (1 and 0 are
	 * taken for numbers first).
	 */
	private static boolean isBoolean(String text) {
		try {
			MqttPayloadParser.bool(text);
			return true;
		}
		catch (PayloadException ex) {
			return false;
		}
	}

	private static String shown(String text) {
		return (text.length() > MAX_SHOWN_CHARS) ? text.substring(0, MAX_SHOWN_CHARS) : text;
	}

}
