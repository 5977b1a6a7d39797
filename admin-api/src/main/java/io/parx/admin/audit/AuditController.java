package io.parx.admin.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.parx.admin.system.Problems;

/** Reading the audit trail (ADMIN). There is no endpoint that changes it. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	static final int MAX_PAGE_SIZE = 500;

	private final AuditEventRepository events;

	private final JsonMapper json;

	AuditController(AuditEventRepository events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	/**
	 * Audit events, newest first, filtered by user name, action, entity type and id, and
	 * time range ({@code from} inclusive, {@code to} exclusive).
	 */
	@GetMapping
	@Transactional(readOnly = true)
	PagedModel<AuditView> list(@RequestParam(required = false) String user,
			@RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) Long entityId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Problems.validation("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw Problems.validation("from", "must be before 'to'");
		}
		Specification<AuditEvent> filter = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (user != null) {
				predicates.add(cb.equal(root.get("username"), user));
			}
			if (action != null) {
				predicates.add(cb.equal(root.get("action"), action));
			}
			if (entityType != null) {
				predicates.add(cb.equal(root.get("entityType"), entityType));
			}
			if (entityId != null) {
				predicates.add(cb.equal(root.get("entityId"), entityId));
			}
			if (from != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
			}
			if (to != null) {
				predicates.add(cb.lessThan(root.get("occurredAt"), to));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		Page<AuditEvent> result = this.events.findAll(filter,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
		return new PagedModel<>(result.map(this::view));
	}

	private AuditView view(AuditEvent event) {
		return new AuditView(event.id(), event.occurredAt(), event.username(), event.userId(), event.clientIp(),
				event.action(), event.entityType(), event.entityId(), parse(event.beforeValue()),
				parse(event.afterValue()), event.detail());
	}

	private JsonNode parse(String value) {
		return (value != null) ? this.json.readTree(value) : null;
	}

	/** One audit event as the API shows it. */
	record AuditView(long id, Instant time, String username, Long userId, String clientIp, String action,
			String entityType, Long entityId, JsonNode before, JsonNode after, String detail) {
	}

}
