package io.parx.common.discovery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of {@code POST /api/v1/collector/discovery/sparkplug}: the broker as an MQTT
 * channel names it, optionally one group, how long to listen and whether to ask edge
 * nodes that send data without a birth for one.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}, as in a channel
 * @param username optional user name
 * @param password optional password
 * @param groupId only this group (one topic level), every group when absent
 * @param listenSeconds how long to listen, 1-30 s, 5 when absent
 * @param requestRebirth whether to send an edge node whose data comes without a birth
 * seen a rebirth request (NCMD {@code Node Control/Rebirth}), so its births come within
 * the window; {@code false} when absent
 */
public record SparkplugSurveyRequest(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000,
				description = "tcp://host:port or ssl://host:port, as in an MQTT channel") String brokerUrl,
		@Schema(maxLength = 200) String username, @Schema(maxLength = 1000, format = "password") String password,
		@Schema(maxLength = 200, description = "one group only, every group when absent") String groupId,
		@Min(1) @Max(TopicSurveyRequest.MAX_LISTEN_SECONDS) Integer listenSeconds, Boolean requestRebirth) {

	public int listenSecondsOrDefault() {
		return (this.listenSeconds != null) ? this.listenSeconds : 5;
	}

	public boolean requestRebirthOrDefault() {
		return Boolean.TRUE.equals(this.requestRebirth);
	}

	@Override
	public String toString() {
		return "SparkplugSurveyRequest[" + this.brokerUrl + ", " + this.groupId + ", password=******]";
	}

}
