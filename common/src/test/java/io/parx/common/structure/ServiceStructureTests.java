package io.parx.common.structure;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The structure rules against small fixtures that break them, so a rule that silently
 * stopped matching would fail here rather than let every service pass.
 */
class ServiceStructureTests {

	private static final String FIXTURE = "io.parx.common.structure.fixture";

	@Test
	void twoFeaturesThatUseEachOtherAreReportedAsACycle() {
		ServiceStructure structure = new ServiceStructure(FIXTURE + ".cyclic", List.of(FIXTURE + ".cyclic"));
		JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".cyclic");

		assertThat(structure.featuresFormNoCycle().evaluate(classes).getFailureReport().getDetails())
			.anySatisfy((detail) -> assertThat(detail).contains("Cycle detected").contains("feature a"));
	}

	@Test
	void featuresThatUseEachOtherOneWayPass() {
		ServiceStructure structure = new ServiceStructure(FIXTURE + ".acyclic", List.of(FIXTURE + ".acyclic"));
		JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".acyclic");

		assertThatCode(() -> structure.featuresFormNoCycle().check(classes)).doesNotThrowAnyException();
	}

	@Test
	void aServiceThatUsesAnotherServicesClassIsReported() {
		ServiceStructure structure = new ServiceStructure(FIXTURE + ".acyclic",
				List.of(FIXTURE + ".acyclic", FIXTURE + ".other"));
		JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + ".acyclic");

		assertThat(structure.usesNoOtherService().evaluate(classes).getFailureReport().getDetails())
			.anySatisfy((detail) -> assertThat(detail).contains("Order").contains("Foreign"));
	}

	@Test
	void onlyTheServicesRootPackagesAreAccepted() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceStructure.of("io.parx.nothing"));
	}

	@Test
	void commonUsesNoService() {
		ServiceStructure.commonUsesNoService()
			.check(new ClassFileImporter()
				.withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.parx.common"));
	}

}
