package org.theorycheck.theories.deeplinear;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.SweepAxis;
import org.theorycheck.theories.deeplinear.ladder.DeepLinearRun;
import org.theorycheck.theories.deeplinear.nonlinear.JacobianSettings;
import org.theorycheck.theories.deeplinear.nonlinear.VarianceSettings;
import org.theorycheck.theories.deeplinear.spectra.SpectraSettings;

/**
 * A validated experiment of the deep-linear theory ({@link DeepLinearExperiments} binds the file to it).
 *
 * @param run         what every rung of the ladder runs: task, network, initialisation, λ, steps, records
 * @param rates       the rates λ a search over rates tries ({@code train.rates}; {@code train.rate} alone if not given)
 * @param spectra     products of random matrices (Fig 6B, 6C; predictions 20, 21), the {@code spectra.*} keys
 * @param variance    the tanh network's variance map (Fig 8; prediction 24), the {@code network.*} keys
 * @param jacobian    the tanh network's Jacobian (Fig 7; prediction 25), the {@code network.*} keys
 * @param lines       the keys the experiment gives, each with its line in the file (0 where the command line gave
 *                    it), so that what only a rung finds wrong (a singular Σ11 met by whitening, a u0 past s_α)
 *                    names the line too
 */
public record DeepLinearExperiment(String name, String source, List<Long> seeds, List<SweepAxis> sweep, String rung,
        String fingerprint, DeepLinearRun run, double[] rates, SpectraSettings spectra, VarianceSettings variance,
        JacobianSettings jacobian, Map<String, Integer> lines) implements Experiment {

    public DeepLinearExperiment {
        seeds = List.copyOf(seeds);
        sweep = List.copyOf(sweep);
        rates = rates.clone();
        lines = Map.copyOf(lines);
    }

    @Override
    public long steps() {
        return run.steps();
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** Whether the experiment gives the key (in the file, by an override or as a sweep axis). */
    public boolean gives(String key) {
        return lines.containsKey(key);
    }

    /** A bad-input error about a key of this experiment, at its line. */
    public ConfigException error(String key, String problem) {
        return new ConfigException(source, lines.getOrDefault(key, 0), key, problem);
    }

    /**
     * The same error, for a setting a class of the theory found wrong; a depth is said of the key that gave
     * it ({@code model.widths} or {@code model.depth}).
     */
    public ConfigException error(SettingException e) {
        String key = e.key().equals("model.depth") && gives("model.widths") ? "model.widths" : e.key();
        return error(key, e.problem());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeepLinearExperiment e && e.fingerprint.equals(fingerprint) && e.name.equals(name)
                && e.source.equals(source) && e.seeds.equals(seeds) && e.sweep.equals(sweep) && e.rung.equals(rung)
                && Arrays.equals(e.rates, rates);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode() * 31 + name.hashCode();
    }
}
