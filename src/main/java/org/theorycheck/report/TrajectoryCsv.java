package org.theorycheck.report;

import org.theorycheck.data.SequenceClasses;
import org.theorycheck.model.Trajectory;
import org.theorycheck.output.OutputSet;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Trajectory} of any rung in the two stable formats of DESIGN.md, so that any two
 * rungs, or a rung and SGD, can be compared by one tool:
 * <ul>
 *   <li>{@code trace.csv}: {@code step,loss,distinct_entropy,decoder_residual}, then the rung's extras;</li>
 *   <li>{@code attention.csv}: {@code step,next_token,token,role,p,z,c}, one row per class n and token l of
 *   its support, with p = P(l|n), z = z_{ψ(n),l}, c = c_{l|n}, and, where the rung measures it (the
 *   transformer), a last column {@code a}: the attention the query actually paid to token l, averaged over
 *   the rung's evaluation samples of class n.</li>
 * </ul>
 * Numbers are written with {@link Double#toString(double)}: exact round trip, identical bytes for
 * identical values.
 */
public final class TrajectoryCsv {

    private TrajectoryCsv() {}

    /**
     * Writes both files into {@code dir} (created if needed), put in place together: a failure or a kill
     * leaves the previous pair.
     */
    public static void write(Trajectory trajectory, Path dir) {
        try (OutputSet files = OutputSet.in(dir)) {
            files.text("trace.csv", w -> writeTrace(trajectory, w));
            files.text("attention.csv", w -> writeAttention(trajectory, w));
            files.commit();
        }
    }

    static void writeTrace(Trajectory t, Writer w) throws IOException {
        List<String> extras = t.extraNames();
        w.write("step,loss,distinct_entropy,decoder_residual");
        for (String e : extras) {
            w.write("," + e);
        }
        w.write("\n");
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Snapshot s = t.at(i);
            double residual = 0;
            for (double r : s.decoderResidual()) {
                residual += r;
            }
            residual /= s.decoderResidual().length;
            w.write(Trajectory.stepLabel(s.step()) + "," + s.loss() + "," + t.distinctEntropy(i) + "," + residual);
            for (String e : extras) {
                w.write("," + s.extras().getOrDefault(e, Double.NaN));
            }
            w.write("\n");
        }
    }

    static void writeAttention(Trajectory t, Writer w) throws IOException {
        SequenceClasses classes = t.classes();
        boolean measured = t.hasMeasuredAttention();
        w.write(measured ? "step,next_token,token,role,p,z,c,a\n" : "step,next_token,token,role,p,z,c\n");
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Snapshot s = t.at(i);
            for (int n = 0; n < classes.classes(); n++) {
                double[] c = t.attention(i, n);
                for (int l : classes.support(n)) {
                    w.write(Trajectory.stepLabel(s.step()) + "," + n + "," + l + "," + classes.role(l).label() + ","
                            + classes.probability(n, l) + "," + s.zRows()[n][l] + "," + c[l]
                            + (measured ? "," + s.measuredAttention()[n][l] : "") + "\n");
                }
            }
        }
    }
}
