package io.parx.common.config.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The string form of OPC UA Part 6 §5.3.1.10. */
class NodeIdTests {

	@Test
	void parsesAStringIdentifierWithNamespace() {
		NodeId id = NodeId.parse("ns=2;s=Line1.Temp");
		assertThat(id).isEqualTo(new NodeId(2, NodeId.Kind.STRING, "Line1.Temp"));
		assertThat(id).hasToString("ns=2;s=Line1.Temp");
	}

	@Test
	void parsesANumericIdentifierInNamespaceZeroWithoutPrefix() {
		// i=85 is the standard Objects folder; namespace 0 is written without ns=
		NodeId id = NodeId.parse("i=85");
		assertThat(id).isEqualTo(new NodeId(0, NodeId.Kind.NUMERIC, "85"));
		assertThat(id).hasToString("i=85");
	}

	@Test
	void parsesGuidAndOpaqueIdentifiers() {
		assertThat(NodeId.parse("ns=1;g=09087e75-8e5e-499b-954f-f2a9603db28a").kind()).isEqualTo(NodeId.Kind.GUID);
		assertThat(NodeId.parse("ns=1;b=M/RbKBsRVkePCePcx24oRA==").kind()).isEqualTo(NodeId.Kind.OPAQUE);
	}

	@Test
	void keepsSemicolonsAndEqualsSignsInsideAStringIdentifier() {
		assertThat(NodeId.parse("ns=3;s=a=b;c").identifier()).isEqualTo("a=b;c");
	}

	@Test
	void rejectsTextThatIsNotANodeId() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("Line1.Temp"))
			.withMessageContaining("ns=2;s=Line1.Temp");
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("ns=2;x=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse(""));
	}

	@Test
	void rejectsANamespaceIndexAbove65535() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("ns=65536;i=1"))
			.withMessageContaining("namespace");
	}

	@Test
	void rejectsANumericIdentifierThatIsNotAUInt32() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("i=4294967296"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("i=abc"));
	}

	@Test
	void rejectsMalformedGuidAndOpaqueIdentifiers() {
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("ns=1;g=not-a-guid"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("ns=1;b=***"));
		assertThatIllegalArgumentException().isThrownBy(() -> NodeId.parse("ns=1;s="));
	}

}
