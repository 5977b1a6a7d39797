package io.parx.admin.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of login and refresh (the original ParX API shape).
 *
 * @param accessToken the JWT for {@code Authorization: Bearer}
 * @param refreshToken an opaque single-use token for {@code /auth/refresh}
 * @param tokenType always {@code Bearer}
 * @param expiresIn lifetime of the access token in seconds
 */
@Schema(requiredProperties = { "accessToken", "refreshToken", "tokenType", "expiresIn" })
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

	TokenPair(String accessToken, String refreshToken, long expiresIn) {
		this(accessToken, refreshToken, "Bearer", expiresIn);
	}

}
