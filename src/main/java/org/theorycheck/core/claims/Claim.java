package org.theorycheck.core.claims;

import java.nio.file.Path;
import java.util.List;

/**
 * One claim of a paper, from one file of {@code theorems/<theory>/}.
 *
 * @param id          unique id, also the file name
 * @param theory      the id of the theory it belongs to
 * @param source      where the paper states it (lemma, theorem, equation)
 * @param statement   the claim in plain words
 * @param assumptions the assumptions it needs
 * @param checks      its checks, in file order
 * @param file        the file it was read from
 */
public record Claim(String id, String theory, String source, String statement, List<String> assumptions, List<CheckSpec> checks,
                    Path file) {

    public Claim {
        assumptions = List.copyOf(assumptions);
        checks = List.copyOf(checks);
    }
}
