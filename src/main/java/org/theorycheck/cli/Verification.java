package org.theorycheck.cli;

import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.ClaimRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Loading and running claim files, as verify and report both do: a progress bar on a terminal, and {@code onDone} for each finished check. */
final class Verification {

    private Verification() {}

    /**
     * Loads and validates every claim, and only then starts the engine and runs the checks.
     *
     * @param threads worker threads, or null for all cores
     * @param onDone  called as each check finishes
     */
    static List<CheckResult> run(List<Path> paths, ClaimRunner.Registry registry, boolean full, EngineOptions engineOptions,
                                 Integer threads, Consumer<CheckResult> onDone) throws InterruptedException {
        List<Claim> claims = ClaimFiles.load(paths, registry.get());
        try (Engine engine = engineOptions.open(threads)) {
            return run(claims, registry, full, engine, onDone);
        }
    }

    /** Runs the checks of claims already loaded on an engine already open. */
    static List<CheckResult> run(List<Claim> claims, ClaimRunner.Registry registry, boolean full, Engine engine,
                                 Consumer<CheckResult> onDone) throws InterruptedException {
        int checks = claims.stream().mapToInt(c -> c.checks().size()).sum();
        try (TerminalProgress bar = TerminalProgress.of("verify", checks, " checks")) {
            ClaimRunner runner = new ClaimRunner(registry, full, engine);
            return runner.run(claims, r -> {
                bar.step();
                onDone.accept(r);
            });
        }
    }
}
