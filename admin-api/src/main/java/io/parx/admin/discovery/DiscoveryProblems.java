package io.parx.admin.discovery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The answers every discovery shares besides its result: bad input, a role that may not
 * discover, and the collector's problems passed on (the server failed or refused, the
 * collector's discoveries are busy, the server did not answer in time).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", ref = "BadRequest")
@ApiResponse(responseCode = "403", ref = "Forbidden")
@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
@interface DiscoveryProblems {

}
