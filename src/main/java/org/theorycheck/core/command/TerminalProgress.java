package org.theorycheck.core.command;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;

/**
 * A progress bar on standard error when the command runs on a terminal, nothing otherwise (so
 * redirected output and tests stay clean). Close it when the work is done.
 */
public final class TerminalProgress implements AutoCloseable {

    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting {@code max} units (e.g. " runs", " steps"), or a silent one when not on a terminal. */
    public static TerminalProgress of(String task, long max, String unit) {
        return of(task, max, unit, 0);
    }

    /**
     * A bar as {@link #of(String, long, String)} that starts at {@code done} units already finished (by an earlier
     * process, e.g. a run resumed from a checkpoint): its rate and remaining time count only what this one does.
     */
    public static TerminalProgress of(String task, long max, String unit, long done) {
        if (System.console() == null) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit, 1).startsFrom(done, Duration.ZERO).build());
    }

    /** Sets the count of finished units. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Adds one finished unit. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
