package io.parx.admin.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import io.parx.admin.system.PageMetadata;
import io.parx.common.problem.Problems;
import io.parx.common.audit.AuditActions;

/** Reading the audit trail (ADMIN). There is no endpoint that changes it. */
@RestController
@Tag(name = "Audit", description = "The audit trail (ADMIN), read only")
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
	@Operation(operationId = "listAuditEvents", summary = "Audit events, newest first (ADMIN)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PagedAuditEvents.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@GetMapping
	@Transactional(readOnly = true)
	PagedModel<AuditView> list(@Parameter(description = "User name") @RequestParam(required = false) String user,
			@Parameter(schema = @Schema(allowableValues = { AuditActions.CREATE, AuditActions.UPDATE,
					AuditActions.DELETE, AuditActions.LOGIN, AuditActions.LOGIN_FAILED, AuditActions.LOGOUT,
					AuditActions.TOKEN_REUSE, AuditActions.ROLE_CHANGE, AuditActions.PASSWORD_CHANGE,
					AuditActions.USER_DISABLE, AuditActions.USER_ENABLE, AuditActions.TRUST })) @RequestParam(
							required = false) String action,
			@Parameter(
					description = "user, channel, storage-rule, batch-definition, dashboard, derived-signal, opcua-certificate") @RequestParam(
							required = false) String entityType,
			@RequestParam(required = false) Long entityId,
			@Parameter(description = "Inclusive") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "Exclusive") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@Parameter(description = "From 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
					defaultValue = "50")) @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Problems.validation("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw Problems.validation("from", "must be before 'to'");
		}
		if (action != null && !AuditActions.ALL.contains(action)) {
			throw Problems.validation("action", "must be one of " + new java.util.TreeSet<>(AuditActions.ALL));
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
	@Schema(name = "AuditEvent", requiredProperties = { "id", "time", "username", "userId", "clientIp", "action",
			"entityType", "entityId", "before", "after", "detail" })
	record AuditView(long id, Instant time, @Schema(nullable = true) String username,
			@Schema(nullable = true) Long userId, @Schema(nullable = true) String clientIp, String action,
			@Schema(nullable = true) String entityType, @Schema(nullable = true) Long entityId,
			@Schema(description = "The entity before the change; secrets as ***", implementation = Map.class,
					nullable = true) JsonNode before,
			@Schema(description = "The entity after the change; secrets as ***", implementation = Map.class,
					nullable = true) JsonNode after,
			@Schema(nullable = true) String detail) {

	}

	/** The list answer, as the OpenAPI document describes it. Documentation only. */
	@Schema(name = "PagedAuditEvents", requiredProperties = { "content", "page" })
	record PagedAuditEvents(List<AuditView> content, PageMetadata page) {
	}

}
