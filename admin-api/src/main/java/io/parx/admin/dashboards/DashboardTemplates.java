package io.parx.admin.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.parx.admin.channels.ChannelRepository;
import io.parx.common.config.SettingsReader;
import io.parx.admin.request.Violations;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portable dashboard templates. An export refers to channels by name, because ids differ
 * between installations; an import binds the names to this installation's channels and
 * reports those it cannot find. A template keeps the dashboard's {@code uid}, so
 * importing it again updates the dashboard it created instead of adding a copy.
 */
@Component
class DashboardTemplates {

	static final String FORMAT = "parx-dashboard";

	static final int FORMAT_VERSION = 1;

	private final DashboardService dashboards;

	private final ChannelRepository channels;

	DashboardTemplates(DashboardService dashboards, ChannelRepository channels) {
		this.dashboards = dashboards;
		this.channels = channels;
	}

	@Transactional(readOnly = true)
	Map<String, Object> export(long id, Viewer viewer) {
		Dashboard dashboard = this.dashboards.get(id, viewer);
		Set<Long> ids = new LinkedHashSet<>();
		dashboard.widgets().forEach((widget) -> widget.channels().forEach((channel) -> ids.add((Long) channel)));
		Map<Long, String> names = this.channels.namesById(ids);
		List<Widget> widgets = dashboard.widgets()
			.stream()
			.map((widget) -> widget
				.withChannels(widget.channels().stream().map(names::get).filter((name) -> name != null).toList()))
			.toList();
		Map<String, Object> template = new LinkedHashMap<>();
		template.put("format", FORMAT);
		template.put("formatVersion", FORMAT_VERSION);
		template.put("uid", dashboard.uid().toString());
		template.put("name", dashboard.name());
		template.put("description", dashboard.description());
		template.put("shared", dashboard.shared());
		template.put("layout", Dashboard.layout(widgets, "channels"));
		return template;
	}

	@Transactional
	Imported importTemplate(Map<String, ?> template, Viewer viewer) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(template, "");
		String format = f.string("format", true, 50);
		if (format != null && !format.equals(FORMAT)) {
			f.reject("format", "must be " + FORMAT);
		}
		f.integer("formatVersion", null, FORMAT_VERSION, FORMAT_VERSION);
		String uidText = f.string("uid", false, 36);
		UUID uid = (uidText != null) ? violations.guard("uid", () -> UUID.fromString(uidText)) : null;
		String name = f.string("name", true, 200);
		String description = f.string("description", "", 2000);
		Boolean shared = f.bool("shared", false);
		List<Widget> widgets = Widget.readLayout(f.object("layout", false), "layout", "channels", violations);
		f.rejectUnknown();
		violations.throwIfAny();

		List<Unresolved> unresolved = new ArrayList<>();
		List<Widget> bound = bind(widgets, unresolved);
		DashboardDraft draft = new DashboardDraft(name.strip(), description, shared, bound, null);
		Dashboard existing = (uid != null) ? this.dashboards.findByUid(uid, viewer) : null;
		if (existing != null) {
			Dashboard updated = this.dashboards.update(existing, draft, existing.version());
			return new Imported(updated.toView(), false, unresolved);
		}
		return new Imported(this.dashboards.insert(uid, draft, viewer).toView(), true, unresolved);
	}

	private List<Widget> bind(List<Widget> widgets, List<Unresolved> unresolved) {
		Set<String> names = new LinkedHashSet<>();
		widgets.forEach((widget) -> widget.channels().forEach((channel) -> names.add((String) channel)));
		Map<String, Long> ids = this.channels.idsByName(names);
		List<Widget> bound = new ArrayList<>();
		for (int i = 0; i < widgets.size(); i++) {
			Widget widget = widgets.get(i);
			List<Long> channelIds = new ArrayList<>();
			for (Object channel : widget.channels()) {
				Long id = ids.get((String) channel);
				if (id != null) {
					channelIds.add(id);
				}
				else {
					unresolved.add(new Unresolved(i, widget.id(), (String) channel));
				}
			}
			bound.add(widget.withChannels(channelIds));
		}
		return bound;
	}

	/**
	 * @param dashboard the dashboard as stored
	 * @param created whether the import created it (false: updated the one with the same
	 * uid)
	 * @param unresolvedBindings channel names of the template without a channel here;
	 * those bindings were dropped
	 */
	@Schema(name = "DashboardImportResult", requiredProperties = { "dashboard", "created", "unresolvedBindings" })
	record Imported(@Schema(implementation = DashboardSchemas.DashboardView.class) Map<String, Object> dashboard,
			boolean created, List<Unresolved> unresolvedBindings) {
	}

	/**
	 * @param widgetIndex position of the widget in the layout
	 * @param widgetId the widget's id, if it has one
	 * @param channel the channel name that was not found
	 */
	@Schema(name = "UnresolvedBinding", requiredProperties = { "widgetIndex", "widgetId", "channel" })
	record Unresolved(int widgetIndex, @Schema(nullable = true) String widgetId, String channel) {
	}

}
