package io.parx.common.audit;

/**
 * The action names of the audit trail ({@code audit_event.action}); docs/CONTRACTS.md,
 * "Audit".
 */
public final class AuditActions {

	public static final String CREATE = "CREATE";

	public static final String UPDATE = "UPDATE";

	public static final String DELETE = "DELETE";

	public static final String LOGIN = "LOGIN";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGOUT = "LOGOUT";

	public static final String TOKEN_REUSE = "TOKEN_REUSE";

	public static final String ROLE_CHANGE = "ROLE_CHANGE";

	public static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";

	public static final String USER_DISABLE = "USER_DISABLE";

	public static final String USER_ENABLE = "USER_ENABLE";

	/** A server certificate the collector rejected is trusted (OPC UA trust list). */
	public static final String TRUST = "TRUST";

	/**
	 * An alarm is acknowledged (storage engine; entity {@code alarm}, the definition's
	 * id).
	 */
	public static final String ACKNOWLEDGE = "ACKNOWLEDGE";

	/** An alarm is shelved or unshelved (storage engine; entity {@code alarm}). */
	public static final String SHELVE = "SHELVE";

	/**
	 * A value is written to a device (admin-api; entity {@code channel}): before the
	 * latest known value, after the value sent, the outcome in the detail.
	 */
	public static final String WRITE = "WRITE";

	private AuditActions() {
	}

	/** Every action the audit log records, for filters to check against. */
	public static final java.util.Set<String> ALL = java.util.Set.of(CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED,
			LOGOUT, TOKEN_REUSE, ROLE_CHANGE, PASSWORD_CHANGE, USER_DISABLE, USER_ENABLE, TRUST, ACKNOWLEDGE, SHELVE,
			WRITE);

}
