package io.parx.admin.request;

/**
 * A stored configuration entity with optimistic locking: its id, the version its ETag
 * carries, and the API view its audit entries record (secrets already left out).
 */
public interface Versioned {

	long id();

	long version();

	Object toView();

}
