package io.parx.common.structure;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every ParX service keeps, as rules a test of each service checks against
 * its compiled classes:
 * <ul>
 * <li>its feature packages ({@code io.parx.<service>.<feature>}) form no cycle, so each
 * feature can be read, tested and changed starting from the ones it uses;</li>
 * <li>it uses no other service's code: services meet only through {@code common}'s
 * contracts (and {@code db}'s migrations), over Redis and HTTP.</li>
 * </ul>
 * Features reach each other only through what they publish: that part the compiler
 * enforces, since a feature's internals are package-private.
 */
public final class ServiceStructure {

	/** The root package of every deployable: a service must not use another one's. */
	static final List<String> SERVICES = List.of("io.parx.admin", "io.parx.router", "io.parx.collector",
			"io.parx.storage", "io.parx.analytics", "io.parx.web");

	private final String root;

	private final List<String> services;

	ServiceStructure(String root, List<String> services) {
		this.root = root;
		this.services = services;
	}

	/** The rules for the service whose classes live under {@code root}. */
	public static ServiceStructure of(String root) {
		if (!SERVICES.contains(root)) {
			throw new IllegalArgumentException(root + " is not one of the services " + SERVICES);
		}
		return new ServiceStructure(root, SERVICES);
	}

	/** Imports the service's main classes (not its tests) and checks every rule. */
	public void verify() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(this.root);
		rules().forEach((rule) -> rule.check(classes));
	}

	List<ArchRule> rules() {
		return List.of(featuresFormNoCycle(), usesNoOtherService());
	}

	ArchRule featuresFormNoCycle() {
		return slices().matching(this.root + ".(*)..")
			.namingSlices("feature $1")
			.should()
			.beFreeOfCycles()
			.because("a cycle makes two features one that cannot be understood or changed apart");
	}

	ArchRule usesNoOtherService() {
		String[] others = this.services.stream()
			.filter((service) -> !service.equals(this.root))
			.map((service) -> service + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(this.root + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services share only common's contracts, see docs/CONTRACTS.md");
	}

	/** {@code common} holds contracts and depends on no service. */
	public static ArchRule commonUsesNoService() {
		return noClasses().that()
			.resideInAPackage("io.parx.common..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES.stream().map((service) -> service + "..").toArray(String[]::new))
			.because("common holds contracts, not service logic");
	}

}
