package io.parx.admin.dashboards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.parx.admin.request.ChangeAudit;
import io.parx.admin.channels.ChannelRepository;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.admin.events.ConfigEvents;
import io.parx.common.config.ConfigChanged.Entity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dashboards with an owner: private ones are visible to their owner (and ADMIN) only and
 * look absent (404) to everyone else; shared ones are visible to all, changeable by their
 * owner and ADMIN.
 */
@Service
@Transactional
class DashboardService {

	static final String ENTITY = "dashboard";

	private final DashboardRepository dashboards;

	private final ChannelRepository channels;

	private final ConfigEvents events;

	private final ChangeAudit audit;

	DashboardService(DashboardRepository dashboards, ChannelRepository channels, ConfigEvents events,
			ChangeAudit audit) {
		this.dashboards = dashboards;
		this.channels = channels;
		this.events = events;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Dashboard get(long id, Viewer viewer) {
		return this.dashboards.find(id).filter(viewer::canSee).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	/**
	 * The dashboard imported from the template {@code uid}, if any: {@code null} if there
	 * is none, 403 if it exists but {@code viewer} may not change it.
	 */
	Dashboard findByUid(UUID uid, Viewer viewer) {
		Dashboard existing = this.dashboards.findByUid(uid).orElse(null);
		if (existing != null && !viewer.canChange(existing)) {
			throw ConfigProblems.forbidden("dashboard " + uid + " already exists and belongs to someone else");
		}
		return existing;
	}

	@Transactional(readOnly = true)
	Page<Dashboard> list(Viewer viewer, String name, Pageable pageable) {
		return this.dashboards.list(viewer.username(), viewer.admin(), name, pageable);
	}

	Dashboard create(Map<String, ?> body, Viewer viewer) {
		DashboardDraft draft = DashboardDraft.read(body);
		requireChannels(draft.widgets());
		return insert(null, draft, viewer);
	}

	Dashboard insert(UUID uid, DashboardDraft draft, Viewer viewer) {
		Dashboard created = this.dashboards.insert(uid, draft, viewer.username());
		this.audit.created(ENTITY, created.id(), created.toView());
		this.events.created(Entity.DASHBOARD, created.id(), created.version());
		return created;
	}

	Dashboard update(long id, Map<String, ?> body, String ifMatch, Viewer viewer) {
		Dashboard stored = changeable(id, viewer);
		DashboardDraft draft = DashboardDraft.read(body);
		requireChannels(draft.widgets());
		return update(stored, draft, ETags.expected(ifMatch, draft.version(), stored.version()));
	}

	Dashboard update(Dashboard stored, DashboardDraft draft, long expected) {
		if (expected != stored.version()) {
			throw ConfigProblems.versionConflict(ENTITY, stored.id(), expected, stored.version());
		}
		Dashboard updated = this.dashboards.update(stored.id(), draft, expected)
			.orElseThrow(() -> ConfigProblems.versionConflict(ENTITY, stored.id(), expected, stored.version()));
		this.audit.updated(ENTITY, updated.id(), stored.toView(), updated.toView());
		this.events.updated(Entity.DASHBOARD, updated.id(), updated.version());
		return updated;
	}

	void delete(long id, String ifMatch, Viewer viewer) {
		Dashboard stored = changeable(id, viewer);
		long expected = ETags.expectedOrCurrent(ifMatch, stored.version());
		if (expected != stored.version() || !this.dashboards.delete(id)) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		this.audit.deleted(ENTITY, id, stored.toView());
		this.events.deleted(Entity.DASHBOARD, id, stored.version());
	}

	/**
	 * The dashboard if {@code viewer} may change it: 404 if they cannot see it, 403 if
	 * only see it.
	 */
	Dashboard changeable(long id, Viewer viewer) {
		Dashboard stored = get(id, viewer);
		if (!viewer.canChange(stored)) {
			throw ConfigProblems
				.forbidden("only the owner (" + stored.owner() + ") or an ADMIN may change dashboard " + id);
		}
		return stored;
	}

	private void requireChannels(List<Widget> widgets) {
		Set<Long> ids = new LinkedHashSet<>();
		widgets.forEach((widget) -> widget.channels().forEach((id) -> ids.add((Long) id)));
		Set<Long> known = this.channels.namesById(ids).keySet();
		for (int i = 0; i < widgets.size(); i++) {
			List<Object> missing = widgets.get(i).channels().stream().filter((id) -> !known.contains(id)).toList();
			if (!missing.isEmpty()) {
				throw ConfigProblems.invalid("layout.widgets[" + i + "].channelIds", "no such channel: " + missing);
			}
		}
	}

}
