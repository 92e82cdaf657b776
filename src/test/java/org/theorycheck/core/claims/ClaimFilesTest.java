package org.theorycheck.core.claims;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.theorycheck.core.Theories;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every claim file under {@code theorems/}, of every theory, is a regression test for theory: one container per file, one
 * test per check, asserting the check gets its expected verdict (quick budget). A user who adds a claim
 * file gets a test without writing Java. Each test carries the file's URI, so a failure links to it.
 */
class ClaimFilesTest {

    @TestFactory
    Stream<DynamicNode> everyBundledClaimGetsItsExpectedVerdict() {
        Theories theories = Theories.discovered();
        List<Claim> claims = ClaimFiles.load(List.of(Path.of("theorems")), theories);
        assertThat(claims).as("bundled claims").isNotEmpty();
        ClaimRunner runner = new ClaimRunner(theories, false, 1);
        return claims.stream().map(claim -> {
            URI file = claim.file().toAbsolutePath().toUri();
            return DynamicContainer.dynamicContainer(claim.theory() + "/" + claim.id() + " (" + claim.source() + ")", file,
                    claim.checks().stream().map(check -> DynamicTest.dynamicTest(check.name() + " [" + check.rung() + "]",
                            URI.create(file + "?line=" + check.line()), () -> {
                                CheckResult r = runner.runOne(claim, check);
                                assertThat(r.verdict())
                                        .as("%s at %s: measured %s; %s", check.name(), check.location(), r.measuredText(),
                                                r.measurement() == null ? r.error() : r.measurement().counterexample())
                                        .isEqualTo(check.expected());
                            })));
        });
    }
}
