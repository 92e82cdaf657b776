package org.theorycheck.report;

import org.theorycheck.data.SequenceClasses;
import org.theorycheck.data.TokenRole;
import org.theorycheck.model.Trajectory;
import org.theorycheck.output.OutputSet;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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
 * identical values. The columns are the same on every rung; a value the rung does not determine
 * ({@link Trajectory.Undetermined}: the loss of the reduced and closed-form rungs, the distinct tokens'
 * logits, entropy and attention c of the closed-form rung, the decoder residual of the transformer; an
 * extra a rung leaves out at some time) is an empty field, which no reader can take for the
 * {@code NaN} or {@code Infinity} of a divergence (a run that diverges writes nothing).
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
        Set<Trajectory.Undetermined> undetermined = t.undetermined();
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Snapshot s = t.at(i);
            double residual = 0;
            for (double r : s.decoderResidual()) {
                residual += r;
            }
            residual /= s.decoderResidual().length;
            w.write(Trajectory.stepLabel(s.step()) + "," + field(s.loss(), undetermined.contains(Trajectory.Undetermined.LOSS))
                    + "," + field(t.distinctEntropy(i), undetermined.contains(Trajectory.Undetermined.DISTINCT_LOGITS))
                    + "," + field(residual, undetermined.contains(Trajectory.Undetermined.DECODER_RESIDUAL)));
            for (String e : extras) {
                Double v = s.extras().get(e);
                w.write("," + (v == null ? "" : v.toString()));
            }
            w.write("\n");
        }
    }

    static void writeAttention(Trajectory t, Writer w) throws IOException {
        SequenceClasses classes = t.classes();
        boolean measured = t.hasMeasuredAttention();
        boolean distinctUndetermined = t.undetermined().contains(Trajectory.Undetermined.DISTINCT_LOGITS);
        w.write(measured ? "step,next_token,token,role,p,z,c,a\n" : "step,next_token,token,role,p,z,c\n");
        for (int i = 0; i < t.size(); i++) {
            Trajectory.Snapshot s = t.at(i);
            for (int n = 0; n < classes.classes(); n++) {
                double[] c = t.attention(i, n);
                for (int l : classes.support(n)) {
                    boolean undeterminedLogit = distinctUndetermined && classes.role(l) == TokenRole.DISTINCT;
                    w.write(Trajectory.stepLabel(s.step()) + "," + n + "," + l + "," + classes.role(l).label() + ","
                            + classes.probability(n, l) + "," + field(s.zRows()[n][l], undeterminedLogit) + ","
                            + field(c[l], distinctUndetermined)
                            + (measured ? "," + s.measuredAttention()[n][l] : "") + "\n");
                }
            }
        }
    }

    /** A number, or an empty field where the rung does not determine it. */
    private static String field(double v, boolean undetermined) {
        return undetermined ? "" : Double.toString(v);
    }
}
