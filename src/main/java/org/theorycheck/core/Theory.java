package org.theorycheck.core;

import org.theorycheck.core.claims.Quantity;
import org.theorycheck.core.claims.SymbolicChecks;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentSchema;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.ladder.RunFiles;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.report.FigureRecipe;

import java.util.List;

/**
 * A theory of training dynamics, as theorycheck verifies it: found with {@link java.util.ServiceLoader}
 * (register the class in {@code META-INF/services/org.theorycheck.core.Theory}), so that adding one
 * edits no file of the core, of the command line or of another theory. Its experiment files lie in
 * {@code experiments/<id>/} and its claim files in {@code theorems/<id>/} (or anywhere, with a
 * {@code theory: <id>} key).
 *
 * <p>A theory declares; the core runs. Everything here is a declaration that the core turns into
 * commands, checks, sweeps, tables and reports.
 *
 * @param <E> the theory's validated experiment type
 * @param <T> the trace type every rung of its ladder produces
 */
public interface Theory<E extends Experiment, T extends Trace> {

    /** The id: lower case words joined by hyphens, also the name of its folders, e.g. {@code exponential-decay}. */
    String id();

    /** The paper, as a report heads its section: authors, title, venue. */
    String title();

    /** The keys of its experiment files and their binding. */
    ExperimentSchema<E> experiments();

    /**
     * Fresh instances of the rungs of its ladder, top (the real network trained with SGD) first. A caller
     * keeps one ladder for a whole task, so a rung may hold what it reads once (a corpus).
     */
    List<Rung<E, T>> ladder();

    /** The quantities its claim files may name. */
    List<Quantity<E, T>> quantities();

    /** The symbolic checks its claim files may name with {@code rung: symbolic}. */
    SymbolicChecks symbolic();

    /**
     * What a sweep reports of one run: the names of the columns of {@code runs.csv} after the seed, for
     * the experiment of the sweep, and their values at the end of a run's trace.
     */
    Observables<E, T> observables();

    /** Its figures, in the paper's order. */
    List<FigureRecipe> figures();

    /**
     * The trace of one run read back from its files: those {@code train --out} writes for an experiment of this theory,
     * or the same files written by another tool (a PyTorch script, say). Claims check such runs on the rung
     * {@code external}, which the core provides to every theory that implements this: it finds the run of each seed,
     * reads its files, checks their times (increasing, ending at the experiment's last step) and names them with their
     * checksums in the evidence; the theory only builds its trace. Declare each file's columns with
     * {@link RunFiles.Table#expect} and take them from {@code files}: whatever is wrong (a missing column, a column of
     * another theory, a field that is not a finite number) is then reported with the file, the line and the column.
     * Check what only the theory knows against {@code experiment} (the sequence classes of a row, the record times) and
     * report it with {@link RunFiles.Table#error}. The form of the files is documented for users in
     * {@code docs/runs-<id>.md}.
     *
     * <p>None by default: a check of this theory with {@code rung: external} is then refused when its claim file loads.
     *
     * @param experiment the check's experiment, which says what the runs were (their data, rates, steps)
     * @throws ConfigException naming the file, line and column of the first thing that is wrong
     */
    default T readTrace(E experiment, RunFiles files) {
        throw new ConfigException(experiment.source(), 0, "", "theory " + id() + " cannot read runs from files yet (its "
                + "Theory does not implement readTrace), so its claims cannot be checked with rung: external");
    }

    /**
     * Lines that describe a finished run to a user after {@code train} or {@code integrate}, e.g. its final
     * loss and what a rung detected on the way (a snap time); none by default.
     */
    default List<String> describe(E experiment, T trace) {
        return List.of();
    }

    /** Commands of its own (picocli {@code @Command} objects) that the command line adds; none by default. */
    default List<Object> commands() {
        return List.of();
    }

    /** The columns of a sweep's {@code runs.csv}, and their values for one run. */
    interface Observables<E extends Experiment, T extends Trace> {

        /** The names, for a sweep of this experiment. */
        List<String> names(E experiment);

        /** The values at the end of the run, in the order of {@link #names}. */
        double[] of(E experiment, T trace);
    }
}
