package io.parx.common.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Holds every request body, whatever its shape (records, JSON trees, maps, lists, a CSV
 * string), to {@link TextRules} once it is read, so no endpoint can forget: a refused
 * text becomes a 400 naming its JSON path ({@code widgets[2].options.text}); property
 * names count as text too.
 */
@ControllerAdvice
final class TextBodyAdvice extends RequestBodyAdviceAdapter {

	private static final int MAX_DEPTH = 64;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		check(body, "", 0);
		return body;
	}

	/** Throws {@link InvalidInputException} for the first refused text in the value. */
	static void check(Object value, String path, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		switch (value) {
			case CharSequence text -> text(text, path);
			case JsonNode node -> node(node, path, depth);
			case Map<?, ?> map -> map.forEach((key, item) -> {
				String child = child(path, String.valueOf(key));
				if (key instanceof CharSequence name) {
					text(name, child);
				}
				check(item, child, depth + 1);
			});
			case Collection<?> items -> {
				int i = 0;
				for (Object item : items) {
					check(item, path + "[" + i++ + "]", depth + 1);
				}
			}
			case Object[] items -> {
				for (int i = 0; i < items.length; i++) {
					check(items[i], path + "[" + i + "]", depth + 1);
				}
			}
			case Record record -> {
				for (RecordComponent component : record.getClass().getRecordComponents()) {
					check(component(record, component), child(path, component.getName()), depth + 1);
				}
			}
			default -> {
				// numbers, booleans, enums, times: nothing a client can hide a control
				// character in
			}
		}
	}

	private static void node(JsonNode node, String path, int depth) {
		if (node.isString()) {
			text(node.asString(), path);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String child = child(path, property.getKey());
				text(property.getKey(), child);
				check(property.getValue(), child, depth + 1);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				check(node.get(i), path + "[" + i + "]", depth + 1);
			}
		}
	}

	private static void text(CharSequence text, String path) {
		String violation = TextRules.violation(text);
		if (violation != null) {
			throw new InvalidInputException(path.isEmpty() ? "body" : TextRules.prefix(path), violation);
		}
	}

	private static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static Object component(Record record, RecordComponent component) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null; // an accessor that cannot be read holds nothing read from the
							// client
		}
	}

}
