package io.parx.admin.dashboards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.parx.admin.channels.ChannelRepository;
import io.parx.admin.request.ConfigChanges;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
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

	static final String ENTITY = Entity.DASHBOARD.wireName();

	private final DashboardRepository dashboards;

	private final ChannelRepository channels;

	private final ConfigChanges changes;

	DashboardService(DashboardRepository dashboards, ChannelRepository channels, ConfigChanges changes) {
		this.dashboards = dashboards;
		this.channels = channels;
		this.changes = changes;
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
		return this.changes.created(Entity.DASHBOARD, this.dashboards.insert(uid, draft, viewer.username()));
	}

	Dashboard update(long id, Map<String, ?> body, String ifMatch, Viewer viewer) {
		Dashboard stored = changeable(id, viewer);
		DashboardDraft draft = DashboardDraft.read(body);
		requireChannels(draft.widgets());
		return update(stored, draft, ETags.expected(ifMatch, draft.version(), stored.version()));
	}

	Dashboard update(Dashboard stored, DashboardDraft draft, long expected) {
		return this.changes.updated(Entity.DASHBOARD, stored, expected,
				(version) -> this.dashboards.update(stored.id(), draft, version));
	}

	void delete(long id, String ifMatch, Viewer viewer) {
		this.changes.deleted(Entity.DASHBOARD, changeable(id, viewer), ifMatch,
				(version) -> this.dashboards.delete(id));
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
