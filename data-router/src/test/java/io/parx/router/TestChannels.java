package io.parx.router;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.parx.db.test.TestDatabase;

/** Creates and changes channels in the test's config database. */
public final class TestChannels {

	private static final java.util.concurrent.atomic.AtomicLong NEXT_BLOCK = new java.util.concurrent.atomic.AtomicLong(
			100_000);

	private final TestDatabase db;

	TestChannels(TestDatabase db) {
		this.db = db;
	}

	/** A new enabled simulator channel with these tags; returns its id. */
	public long create(String... tags) {
		try (Connection connection = this.db.connect();
				PreparedStatement insert = connection.prepareStatement(
						"insert into channel (name, data_type, protocol, tags) values (?, 'FLOAT64', 'SIMULATOR', ?) returning id")) {
			insert.setString(1, "test-" + UUID.randomUUID());
			insert.setArray(2, connection.createArrayOf("text", tags));
			try (ResultSet rs = insert.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public List<Long> create(int count, String... tags) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(create(tags));
		}
		return ids;
	}

	/**
	 * {@code count} channels with consecutive six-digit ids (from 100,000 up, a block of
	 * its own per call), enabled or not, in one statement.
	 */
	public List<Long> createBlock(int count, boolean enabled) {
		long first = NEXT_BLOCK.getAndAdd(count);
		try (Connection connection = this.db.connect();
				PreparedStatement insert = connection.prepareStatement(
						"insert into channel (id, name, data_type, protocol, enabled) select g, 'block-' || g, 'FLOAT64', "
								+ "'SIMULATOR', ? from generate_series(?::bigint, ?::bigint) g")) {
			insert.setBoolean(1, enabled);
			insert.setLong(2, first);
			insert.setLong(3, first + count - 1);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return java.util.stream.LongStream.range(first, first + count).boxed().toList();
	}

	public void setEnabled(long id, boolean enabled) {
		execute("update channel set enabled = " + enabled + ", version = version + 1 where id = " + id);
	}

	public void delete(long id) {
		execute("delete from channel where id = " + id);
	}

	private void execute(String sql) {
		try (Connection connection = this.db.connect()) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
