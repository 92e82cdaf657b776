package org.theorycheck.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages follow the data flow (DESIGN.md): config → data → model → train → theory → verify →
 * report → cli. A class may depend only on its own layer or lower ones (so report may use theory and
 * verify, cli anything); a package outside this list is a failure too, until it is given a place.
 * Symja ({@code org.matheclipse}) may be used only under {@code org/theorycheck/theory}, DJL ({@code ai.djl})
 * only under {@code org/theorycheck/transformer}.
 */
class LayeringTest {

    static final List<String> LAYERS = List.of("config", "data", "model", "train", "transformer", "theory", "theories", "verify", "report", "cli");
    static final Path MAIN = Path.of("src", "main", "java");

    /** References to project packages in code: imports (static too) and fully qualified names. */
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("\\borg\\.theorycheck\\.(\\w+)");
    private static final Pattern SYMJA_REFERENCE = Pattern.compile("\\borg\\.matheclipse\\b");
    private static final Pattern DJL_REFERENCE = Pattern.compile("\\bai\\.djl\\b");

    @Test
    void noPackageDependsBackwards() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).as("the scan finds the sources").hasSizeGreaterThan(10);
        List<String> violations = new ArrayList<>();
        for (Path file : sources) {
            violations.addAll(layerViolations(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void symjaOnlyInTheory() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            violations.addAll(symjaViolations(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void djlOnlyInTransformer() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            violations.addAll(djlViolations(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file)));
        }
        assertThat(violations).isEmpty();
    }

    /** Negative controls: the checks see backward imports, qualified names, unknown packages and stray Symja. */
    @Test
    void checksCatchViolations() {
        assertThat(layerViolations("org/theorycheck/model/A.java",
                "package org.theorycheck.model;\nimport org.theorycheck.train.Trainer;\nclass A {}")).hasSize(1);
        assertThat(layerViolations("org/theorycheck/data/A.java",
                "package org.theorycheck.data;\nclass A { Object o = new org.theorycheck.report.Csv(); }")).hasSize(1);
        assertThat(layerViolations("org/theorycheck/config/A.java",
                "package org.theorycheck.config;\nimport static org.theorycheck.cli.Main.EXIT_BAD_INPUT;\nclass A {}")).hasSize(1);
        assertThat(layerViolations("org/theorycheck/gadgets/A.java", "package org.theorycheck.gadgets;\nclass A {}")).hasSize(1);
        assertThat(layerViolations("org/theorycheck/report/A.java",
                "package org.theorycheck.report;\nimport org.theorycheck.theory.Rung;\nimport org.theorycheck.verify.X;\nclass A {}"))
                .isEmpty();
        assertThat(layerViolations("org/theorycheck/train/A.java",
                "package org.theorycheck.train;\n// see org.theorycheck.cli.Main\n/* org.theorycheck.report */ class A {}"))
                .as("comments are not dependencies").isEmpty();
        assertThat(symjaViolations("org/theorycheck/model/A.java", "import org.matheclipse.core.eval.ExprEvaluator;")).hasSize(1);
        assertThat(symjaViolations("org/theorycheck/theory/scansnap/A.java", "import org.matheclipse.core.eval.ExprEvaluator;"))
                .isEmpty();
        assertThat(djlViolations("org/theorycheck/theory/scansnap/A.java", "import ai.djl.ndarray.NDArray;")).hasSize(1);
        assertThat(djlViolations("org/theorycheck/cli/A.java", "class A { Object e = ai.djl.engine.Engine.getInstance(); }")).hasSize(1);
        assertThat(djlViolations("org/theorycheck/transformer/A.java", "import ai.djl.ndarray.NDArray;")).isEmpty();
        assertThat(layerViolations("org/theorycheck/train/A.java",
                "package org.theorycheck.train;\nimport org.theorycheck.transformer.Transformer;\nclass A {}")).hasSize(1);
    }

    static List<String> layerViolations(String path, String text) {
        List<String> out = new ArrayList<>();
        String[] parts = path.split("/");
        if (parts.length < 3 || !parts[0].equals("org") || !parts[1].equals("theorycheck")) {
            return List.of(path + ": outside org/theorycheck");
        }
        if (parts.length == 3) {
            return out;   // a class directly in org.theorycheck: nothing to place
        }
        int own = LAYERS.indexOf(parts[2]);
        if (own < 0) {
            return List.of(path + ": package " + parts[2] + " has no place in the layer order " + LAYERS);
        }
        Matcher m = PROJECT_REFERENCE.matcher(stripComments(text));
        while (m.find()) {
            String target = m.group(1);
            int layer = LAYERS.indexOf(target);
            if (layer < 0) {
                if (!target.equals(parts[2])) {
                    out.add(path + ": refers to org.theorycheck." + target + ", which has no place in the layer order");
                }
            } else if (layer > own) {
                out.add(path + ": " + parts[2] + " depends on the later layer " + target);
            }
        }
        return out;
    }

    static List<String> symjaViolations(String path, String text) {
        if (path.startsWith("org/theorycheck/theory/")) {
            return List.of();
        }
        return SYMJA_REFERENCE.matcher(stripComments(text)).find() ? List.of(path + ": uses Symja outside theory") : List.of();
    }

    static List<String> djlViolations(String path, String text) {
        if (path.startsWith("org/theorycheck/transformer/")) {
            return List.of();
        }
        return DJL_REFERENCE.matcher(stripComments(text)).find() ? List.of(path + ": uses DJL outside transformer") : List.of();
    }

    /** Removes block and line comments (string literals naming a package are rare enough to count). */
    static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
