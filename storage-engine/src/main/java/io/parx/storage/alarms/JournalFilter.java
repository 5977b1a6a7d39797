package io.parx.storage.alarms;

import java.time.Instant;

import io.parx.common.alarm.JournalQuery;
import io.parx.common.web.InvalidInputException;

/**
 * One page of a journal query: pages of at most {@link #MAX_SIZE} entries, at most
 * {@link #MAX_PAGE} pages deep.
 *
 * @param query which entries
 * @param page the page, from 0
 * @param size entries a page
 */
record JournalFilter(JournalQuery query, int page, int size) {

	static final int MAX_SIZE = 1000;

	static final int MAX_PAGE = 10_000;

	/**
	 * Reads the query parameters.
	 * @throws InvalidInputException naming the first bad parameter
	 */
	static JournalFilter read(String from, String to, String channelId, String definitionId, String priority,
			String state, String text, String pageText, String sizeText, Instant now) {
		int page = (int) JournalQuery.number("page", pageText, 0, 0, MAX_PAGE);
		int size = (int) JournalQuery.number("size", sizeText, 100, 1, MAX_SIZE);
		return new JournalFilter(JournalQuery.read(from, to, channelId, definitionId, priority, state, text, now), page,
				size);
	}

}
