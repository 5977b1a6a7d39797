package io.parx.router.live;

import io.parx.common.alarm.AlarmChanged;

/**
 * Takes each alarm transition the live feed receives on {@code <prefix>alarms}, on the
 * feed's thread. The sessions implement it, as they do {@link LiveBatchListener}.
 */
public interface AlarmListener {

	/** Must not block: it runs on the Redis listener thread, in order. */
	void alarmChanged(AlarmChanged change);

}
