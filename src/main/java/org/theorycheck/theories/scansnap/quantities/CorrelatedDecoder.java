package org.theorycheck.theories.scansnap.quantities;

import org.theorycheck.core.claims.CheckContext;
import org.theorycheck.core.claims.Format;
import org.theorycheck.core.claims.Measurement;
import org.theorycheck.core.claims.WorstCase;
import org.theorycheck.core.stats.Stats;
import org.theorycheck.theories.scansnap.ScanSnapTrace;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.theories.scansnap.model.Trajectory;
import org.theorycheck.theories.scansnap.rungs.AppendixF;
import org.theorycheck.theories.scansnap.rungs.ContinuousTime;
import org.theorycheck.theories.scansnap.rungs.DecoderClosedForm;

import java.util.Set;

/**
 * Remark 1: when all decoder inputs overlap equally, f_nᵀf_{n'} = ρ, the decoder moves as if its rate
 * were (1 − ρ)η_Y. The attention is frozen (η_Z = 1e-12, no momentum, so time is plain steps) and the
 * measured mean decoder residual ‖e_n − α_n‖(t) is compared with Lemma 5/6's one-class residual at rate
 * (1 − ρ)η_Y, ρ the mean overlap of the experiment's f_n at Z(0). Deviation: the largest absolute
 * difference over recorded steps; the same with rate η_Y is reported beside it.
 */
final class CorrelatedDecoder implements ScanSnapQuantity {

    @Override
    public String name() {
        return "correlated_decoder";
    }

    @Override
    public String description() {
        return "max |measured decoder residual - Lemma 6 residual at rate (1 - rho) eta_Y| with frozen attention (Remark 1)";
    }

    @Override
    public Set<String> rungs() {
        return Set.of("map", "flow");
    }

    @Override
    public Measurement measure(CheckContext<ExperimentConfig, ScanSnapTrace> context) {
        ExperimentConfig config = context.configWith("train.eta_z=1e-12", "train.momentum=0",
                "train.eta_y=" + context.config().train().etaY());
        Trajectory t = context.trace(context.rung(), config, context.seeds().get(0), Trajectory.class);
        int k = t.classes().classes();
        double rho = AppendixF.inverseRhoSquared(t.classes(), t.at(0).zRows());
        double eta = ContinuousTime.etaY(config.train(), config.source());
        int m = t.classes().vocabulary();
        DecoderClosedForm corrected = new DecoderClosedForm(m, k, (1 - rho) * eta);
        DecoderClosedForm plain = new DecoderClosedForm(m, k, eta);
        WorstCase gap = WorstCase.above(0);
        double gapPlain = 0;
        for (Trajectory.Snapshot snapshot : t.snapshots()) {
            double step = snapshot.step();
            double measured = Stats.mean(snapshot.decoderResidual());
            gapPlain = Math.max(gapPlain, Math.abs(measured - plain.decoderResidual(step)));
            gap.offer(Math.abs(measured - corrected.decoderResidual(step)), () -> "step " + Trajectory.stepLabel(step)
                    + ": measured " + Format.number(measured) + ", (1-rho) prediction " + Format.number(corrected.decoderResidual(step))
                    + ", uncorrected " + Format.number(plain.decoderResidual(step)));
        }
        double gapCorrected = gap.score();
        return Measurement.of(gapCorrected, "rho = " + Format.number(rho) + ": max gap to the (1-rho) eta_Y prediction "
                + Format.number(gapCorrected) + " (to the uncorrected one " + Format.number(gapPlain) + ")", gapCorrected,
                gap.description());
    }
}
