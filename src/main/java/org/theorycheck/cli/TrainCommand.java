package org.theorycheck.cli;

import org.theorycheck.config.ExperimentConfig;
import org.theorycheck.data.text.CacheDirectory;
import org.theorycheck.data.text.CorpusReader;
import org.theorycheck.data.text.TextCorpus;
import org.theorycheck.model.Trajectory;
import org.theorycheck.output.OutputLock;
import org.theorycheck.report.TextTraceCsv;
import org.theorycheck.report.TrajectoryCsv;
import org.theorycheck.train.SgdRun;
import org.theorycheck.transformer.SyntheticClassesRun;
import org.theorycheck.transformer.TextCheckpoint;
import org.theorycheck.transformer.TextRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the experiment's model once with real SGD (the first of its seeds; seeds=N picks another):",
                "the YZ model, or with rung=transformer (rung: transformer in the file) the real transformer of its",
                "transformer: section.",
                "Writes DIR/trace.csv (step,loss,distinct_entropy,decoder_residual) and",
                "DIR/attention.csv (step,next_token,token,role,p,z,c).",
                "An experiment with a corpus: section trains the transformer as a language model on that text and",
                "writes DIR/trace.csv (step,loss,val_perplexity,entropy_L...,change_L...) and",
                "DIR/attention_maps.csv (step,query,key,p: layer 0 on the mapped training window).",
                "A run on a corpus saves DIR/" + TextCheckpoint.FILE_NAME + " every train.checkpoint_every iterations",
                "(default 100; 0: none). Run the same command again after a kill: it resumes from there and",
                "writes what an uninterrupted run writes. The checkpoint is deleted once the outputs are written.",
                "The two files are put in place together (a failed or killed run leaves the previous pair), and another",
                "command writing into DIR at the same time is refused (exit 2)."})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<name>).")
    Path out;

    @Option(names = "--restart", description = "Delete a checkpoint in DIR and start from iteration 0 (runs on a corpus; "
            + "other runs keep none).")
    boolean restart;

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load().resolve();
        config.requireSingleConfiguration("train runs one configuration", " or use sweep");
        Path dir = out != null ? out : Path.of("out", config.name());
        try (OutputLock lock = OutputDirectories.lock(spec, dir)) {
            return config.corpus() != null ? trainOnText(config, dir) : train(config, dir);
        }
    }

    private int trainOnText(ExperimentConfig config, Path dir) {
        long seed = config.seeds().get(0);
        long start = System.nanoTime();
        TextCorpus corpus = CorpusReader.load(config.corpus(), CacheDirectory.root(), config.source());
        Path checkpoint = TextCheckpoint.file(dir);
        if (restart) {
            TextCheckpoint.delete(checkpoint);
        }
        TextCheckpoint resume = TextCheckpoint.read(checkpoint, config, corpus, seed);
        int from = resume == null ? 0 : resume.iteration();
        if (resume != null) {
            spec.commandLine().getOut().printf("%s seed %d: resuming from the checkpoint at iteration %d of %d (%s)%n",
                    config.name(), seed, from, config.train().steps(), checkpoint);
        }
        List<TextRun.Record> records;
        try (TerminalProgress bar = TerminalProgress.of(config.name(), config.train().steps(), " iterations", from)) {
            records = TextRun.run(config, corpus, seed, checkpoint, resume, bar::stepTo);
        }
        TextTraceCsv.write(records, dir);
        TextCheckpoint.delete(checkpoint);
        TextRun.Record last = records.get(records.size() - 1);
        spec.commandLine().getOut().printf("%s seed %d: %d iterations in %.1f s, final loss %.4g, validation perplexity "
                        + "%.1f, layer-0 attention entropy %.3f nats -> %s%n", config.name(), seed, config.train().steps() - from,
                (System.nanoTime() - start) / 1e9, last.loss(), last.perplexity(), last.entropy()[0], dir);
        return 0;
    }

    private int train(ExperimentConfig config, Path dir) {
        long seed = config.seeds().get(0);
        long start = System.nanoTime();
        Trajectory trajectory;
        try (TerminalProgress bar = TerminalProgress.of(config.name(), config.train().steps(), " steps")) {
            trajectory = config.transformer() != null ? SyntheticClassesRun.run(config, seed, bar::stepTo)
                    : SgdRun.run(config, seed, bar::stepTo);
        }
        TrajectoryCsv.write(trajectory, dir);
        Trajectory.Snapshot last = trajectory.last();
        spec.commandLine().getOut().printf("%s seed %d: %d steps in %.2f s, final loss %.4g, distinct-token entropy %.4f nats -> %s%n",
                config.name(), seed, config.train().steps(), (System.nanoTime() - start) / 1e9, last.loss(),
                trajectory.distinctEntropy(trajectory.size() - 1), dir);
        return 0;
    }
}
