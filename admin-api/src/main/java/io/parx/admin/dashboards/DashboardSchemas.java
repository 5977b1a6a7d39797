package io.parx.admin.dashboards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.admin.system.PageMetadata;

/**
 * The JSON of the dashboard endpoints as the OpenAPI document describes it, for the
 * browser app's generated types and Swagger UI. Documentation only: the endpoints read
 * and write maps checked field by field ({@link DashboardDraft}, {@link Widget},
 * {@link DashboardTemplates}) so that every bad field is named;
 * {@code OpenApiSchemaTests} holds real answers against these schemas.
 */
final class DashboardSchemas {

	private DashboardSchemas() {
	}

	@Schema(name = "Dashboard", description = "A stored dashboard", requiredProperties = { "id", "uid", "name",
			"description", "owner", "shared", "layout", "version", "createdAt", "updatedAt" })
	record DashboardView(long id,
			@Schema(description = "Identity across installations, kept by exported templates") UUID uid, String name,
			String description, @Schema(description = "User name of the creator") String owner,
			@Schema(description = "Visible to every signed-in user; otherwise to the owner and ADMIN only") boolean shared,
			Layout layout, @Schema(description = "Sent back as If-Match or version when changing it") long version,
			Instant createdAt, Instant updatedAt) {

	}

	@Schema(name = "DashboardRequest",
			description = "A dashboard to create or the whole of one to replace. id, uid, owner, createdAt and "
					+ "updatedAt are accepted and ignored, so a dashboard as read may be sent back; other unknown "
					+ "fields are rejected.",
			requiredProperties = { "name" })
	record Request(@Schema(maxLength = 200) String name,
			@Schema(maxLength = 2000, defaultValue = "") String description,
			@Schema(defaultValue = "false") boolean shared, Layout layout,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version) {

	}

	@Schema(name = "DashboardLayout", description = "Widgets on a grid of 24 columns",
			requiredProperties = { "widgets" })
	record Layout(@ArraySchema(maxItems = Widget.MAX_WIDGETS) List<WidgetView> widgets) {

	}

	@Schema(name = "Widget",
			description = "One tile of the layout. When sent, only kind is needed: title defaults to \"\", x and y "
					+ "to 0, w to 4, h to 3, channelIds to none and options to {}.",
			requiredProperties = { "kind", "title", "x", "y", "w", "h", "channelIds", "options" })
	record WidgetView(
			@Schema(description = "Chosen by the client, unique in the layout; absent when not given",
					maxLength = 100) String id,
			Widget.Kind kind, @Schema(maxLength = 200) String title,
			@Schema(description = "Column of the left edge", minimum = "0", maximum = "23") int x,
			@Schema(description = "Row of the top edge", minimum = "0", maximum = "10000") int y,
			@Schema(description = "Width in columns; x + w is at most 24", minimum = "1", maximum = "24") int w,
			@Schema(description = "Height in rows", minimum = "1", maximum = "100") int h,
			@Schema(description = "The bound channels; they must exist") List<Long> channelIds,
			@Schema(description = "Display options of the kind, stored as sent") Map<String, Object> options) {

	}

	@Schema(name = "DashboardTemplate",
			description = "A portable dashboard: channels by name instead of id, the dashboard's uid kept",
			requiredProperties = { "format", "formatVersion", "name", "description", "shared", "layout" })
	record Template(@Schema(allowableValues = DashboardTemplates.FORMAT) String format,
			@Schema(minimum = "1", maximum = "1") int formatVersion,
			@Schema(description = "Importing a template whose uid exists updates that dashboard") UUID uid,
			@Schema(maxLength = 200) String name, @Schema(maxLength = 2000) String description, boolean shared,
			TemplateLayout layout) {

	}

	@Schema(name = "TemplateLayout", requiredProperties = { "widgets" })
	record TemplateLayout(@ArraySchema(maxItems = Widget.MAX_WIDGETS) List<TemplateWidget> widgets) {

	}

	@Schema(name = "TemplateWidget", description = "A widget of a template: channels by name",
			requiredProperties = { "kind", "title", "x", "y", "w", "h", "channels", "options" })
	record TemplateWidget(@Schema(maxLength = 100) String id, Widget.Kind kind, @Schema(maxLength = 200) String title,
			@Schema(minimum = "0", maximum = "23") int x, @Schema(minimum = "0", maximum = "10000") int y,
			@Schema(minimum = "1", maximum = "24") int w, @Schema(minimum = "1", maximum = "100") int h,
			@Schema(description = "Channel names, bound to this installation's channels on import") List<String> channels,
			Map<String, Object> options) {

	}

	@Schema(name = "PagedDashboards", requiredProperties = { "content", "page" })
	record Paged(List<DashboardView> content, PageMetadata page) {

	}

}
