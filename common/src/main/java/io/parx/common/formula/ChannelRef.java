package io.parx.common.formula;

/**
 * A channel named in a formula: by id ({@code #42}) or by name ({@code [Furnace Temp]},
 * {@code "Line1.Speed"} or a bare identifier such as {@code temp}). Services resolve
 * names to ids through the config database.
 */
public sealed interface ChannelRef {

	record ById(long id) implements ChannelRef {

		public ById {
			if (id <= 0) {
				throw new IllegalArgumentException("channel id must be positive, was " + id);
			}
		}

		@Override
		public String toString() {
			return "#" + this.id;
		}

	}

	record ByName(String name) implements ChannelRef {

		public ByName {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("channel name must not be blank");
			}
		}

		@Override
		public String toString() {
			return "[" + this.name + "]";
		}

	}

}
