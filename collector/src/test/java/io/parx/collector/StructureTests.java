package io.parx.collector;

import io.parx.common.structure.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * The service keeps the structure every ParX service keeps (see
 * {@link ServiceStructure}).
 */
class StructureTests {

	@Test
	void featuresFormNoCycleAndNoOtherServiceIsUsed() {
		ServiceStructure.of("io.parx.collector").verify();
	}

}
