package org.theorycheck.theories.scansnap.cli;

import org.theorycheck.core.command.ExperimentArguments;
import org.theorycheck.theories.scansnap.experiment.ScanSnapExperiments;
import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.theories.scansnap.experiment.CorpusSpec;
import org.theorycheck.theories.scansnap.experiment.ExperimentConfig;
import org.theorycheck.core.io.CacheDirectory;
import org.theorycheck.theories.scansnap.text.CorpusReader;
import org.theorycheck.theories.scansnap.text.TextBatches;
import org.theorycheck.theories.scansnap.text.TextCorpus;
import org.theorycheck.theories.scansnap.text.TextSplit;
import org.theorycheck.theories.scansnap.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = {"Reads the experiment's corpus (its corpus: section) and prints what a run would train on:",
                "files, tokens, sentences and <unk> per split, the vocabulary, and the batches",
                "(rows x columns, windows of bptt). Reads only local files: the Brown corpus from the",
                "build's cache (README, \"Real text\"), WikiText from corpus.dir."})
public final class CorpusCommand implements Callable<Integer> {

    @Mixin
    ExperimentArguments experiment;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load(ScanSnapExperiments.SCHEMA).resolve();
        config.requireSingleConfiguration("corpus reads one configuration", "");
        CorpusSpec corpusSpec = config.corpus();
        if (corpusSpec == null) {
            throw new ConfigException(config.source(), 0, "corpus.name",
                    "this experiment has no corpus: section (it uses the synthetic family of data:)");
        }
        long start = System.nanoTime();
        TextCorpus corpus = CorpusReader.load(corpusSpec, CacheDirectory.root(), config.source());
        double seconds = (System.nanoTime() - start) / 1e9;
        Vocabulary v = corpus.vocabulary();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s corpus from %s, read in %.2f s%n", corpusSpec.name().key(), corpus.location(), seconds);
        out.printf("vocabulary: %d entries (train tokens with count >= %d, and <unk>); most frequent: %s%n",
                v.size(), corpusSpec.minCount(), String.join(" ", v.tokens().subList(0, Math.min(10, v.size()))));
        out.println("split  files  tokens  sentences  <unk>  rows x columns  windows of bptt " + corpusSpec.bptt());
        for (TextSplit s : TextSplit.values()) {
            TextCorpus.Split split = corpus.split(s);
            int columns = s == TextSplit.TRAIN ? corpusSpec.batch() : corpusSpec.evalBatch();
            TextBatches batches = new TextBatches(split.ids(), columns, corpusSpec.bptt());
            out.printf("%-5s  %5d  %d  %d  %d (%.2f%%)  %d x %d  %d%n", s.label(), split.files(), split.ids().length,
                    split.lines(), split.unknown(), 100.0 * split.unknown() / split.ids().length, batches.rows(),
                    batches.columns(), batches.windows());
        }
        out.flush();
        return 0;
    }
}
