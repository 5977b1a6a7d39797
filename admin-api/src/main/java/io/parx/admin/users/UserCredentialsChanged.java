package io.parx.admin.users;

/**
 * A user's password, role or enabled state changed, or the user was deleted: sessions
 * issued before must end. Published synchronously inside the transaction of the change.
 *
 * @param userId the user
 * @param reason what changed, for the log
 */
public record UserCredentialsChanged(long userId, String reason) {
}
