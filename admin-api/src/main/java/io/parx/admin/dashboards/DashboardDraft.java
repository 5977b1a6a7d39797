package io.parx.admin.dashboards;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.common.config.SettingsReader;
import io.parx.admin.request.Violations;

/** A dashboard as sent by a client (or rebuilt from an imported template). */
record DashboardDraft(String name, String description, boolean shared, List<Widget> widgets, Long version) {

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static DashboardDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		String name = f.string("name", true, 200);
		String description = f.string("description", "", 2000);
		Boolean shared = f.bool("shared", false);
		Map<String, Object> layout = f.object("layout", false);
		List<Widget> widgets = Widget.readLayout(layout, "layout", "channelIds", violations);
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		f.rejectUnknown(Set.of("id", "uid", "owner", "createdAt", "updatedAt"));
		violations.throwIfAny();
		return new DashboardDraft(name.strip(), description, shared, widgets, version);
	}

}
