package org.theorycheck.cli;

import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.command.TerminalProgress;
import org.theorycheck.core.engine.Engine;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.claims.CheckResult;
import org.theorycheck.core.claims.Claim;
import org.theorycheck.core.claims.ClaimFiles;
import org.theorycheck.core.claims.ClaimRunner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static List<CheckResult> run(List<Path> paths, Theories theories, boolean full, EngineOptions engineOptions,
                                 Integer threads, Consumer<CheckResult> onDone) throws InterruptedException {
        List<Claim> claims = ClaimFiles.load(paths, theories);
        try (Engine engine = engineOptions.open(threads)) {
            return run(claims, theories, full, engine, onDone);
        }
    }

    /** Each theory's rungs, top first, by id in id order: what the tables group by and the matrices show. */
    static Map<String, List<String>> ladders(Theories theories) {
        Map<String, List<String>> ladders = new LinkedHashMap<>();
        for (Theory<?, ?> t : theories.all()) {
            ladders.put(t.id(), t.ladder().stream().map(Rung::name).toList());
        }
        return ladders;
    }

    /** Runs the checks of claims already loaded on an engine already open. */
    static List<CheckResult> run(List<Claim> claims, Theories theories, boolean full, Engine engine,
                                 Consumer<CheckResult> onDone) throws InterruptedException {
        int checks = claims.stream().mapToInt(c -> c.checks().size()).sum();
        try (TerminalProgress bar = TerminalProgress.of("verify", checks, " checks")) {
            ClaimRunner runner = new ClaimRunner(theories, full, engine);
            return runner.run(claims, r -> {
                bar.step();
                onDone.accept(r);
            });
        }
    }
}
