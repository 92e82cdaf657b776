package org.theorycheck.cli;

import org.theorycheck.verify.CheckResult;
import org.theorycheck.verify.Claim;
import org.theorycheck.verify.ClaimFiles;
import org.theorycheck.verify.ClaimRunner;
import org.theorycheck.verify.Quantities;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Loading and running claim files, as verify and report both do: a progress bar on a terminal, else {@code onDone}. */
final class Verification {

    private Verification() {}

    /**
     * @param threads worker threads, or null for all cores
     * @param onDone  called as each check finishes when standard output is not a terminal
     */
    static List<CheckResult> run(List<Path> paths, Quantities quantities, boolean full, Integer threads,
                                 Consumer<CheckResult> onDone) throws InterruptedException {
        List<Claim> claims = ClaimFiles.load(paths, quantities);
        int checks = claims.stream().mapToInt(c -> c.checks().size()).sum();
        int workers = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        ClaimRunner runner = new ClaimRunner(quantities, full, workers);
        try (TerminalProgress bar = TerminalProgress.of("verify", checks, " checks")) {
            return runner.run(claims, r -> {
                bar.step();
                onDone.accept(r);
            });
        }
    }
}
