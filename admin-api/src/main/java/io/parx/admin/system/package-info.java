/**
 * Cross-cutting wiring of the admin-api: the security filter chain (who may call which
 * URL), RFC 9457 error rendering and the OpenAPI document.
 *
 * <h2>Errors, for every feature package</h2> Throw an
 * {@link org.springframework.web.ErrorResponseException} (or a
 * {@link org.springframework.web.server.ResponseStatusException}) carrying a
 * {@link org.springframework.http.ProblemDetail}; {@link io.parx.admin.system.Problems}
 * builds the common ones with stable {@code type} URIs ({@code /problems/validation} with
 * {@code errors: [{"field","message"}]}, {@code /problems/not-found},
 * {@code /problems/version-conflict}, {@code /problems/conflict},
 * {@code /problems/too-many-requests}). {@link io.parx.admin.system.ProblemHandler}
 * renders them as {@code application/problem+json} and also maps, without any code in the
 * features: bean validation failures and unreadable bodies (400),
 * {@code OptimisticLockingFailureException} (409),
 * {@code DataIntegrityViolationException} (409), access denied (403); anything else is a
 * logged 500 without details.
 *
 * <h2>Security</h2> {@link io.parx.admin.system.SecurityConfiguration} holds the URL
 * rules of docs/SECURITY.md: GET on {@code /api/v1/**} for every role, other methods for
 * ENGINEER and ADMIN, {@code /api/v1/users/**} and {@code /api/v1/audit/**} for ADMIN.
 * These rules are the one place roles are checked, as in every service (no
 * {@code @PreAuthorize}); checks that depend on the record (one's own password, a
 * dashboard's owner) are in the feature's code. The current user is the {@code Jwt}
 * principal: {@code sub} = user name, {@code uid} = user id.
 *
 * <h2>Audit</h2> Record changes with {@link io.parx.common.audit.AuditTrail} inside the
 * transaction of the change.
 *
 * <h2>Tests</h2> Integration tests extend
 * {@code io.parx.admin.system.AbstractIntegrationTest} (test sources) so the whole module
 * shares ONE Spring context with its own PostgreSQL database, Redis prefix and
 * {@code TestTokens}.
 */
package io.parx.admin.system;
