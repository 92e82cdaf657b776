package org.theorycheck.core.claims;

import org.theorycheck.core.experiment.ConfigException;
import org.theorycheck.core.Theories;
import org.theorycheck.core.Theory;
import org.theorycheck.core.experiment.Experiment;
import org.theorycheck.core.experiment.ExperimentFile;
import org.theorycheck.core.ladder.Trace;
import org.theorycheck.core.ladder.Rung;
import org.theorycheck.core.sweep.SweepPlan;
import org.theorycheck.core.io.InputFiles;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and validates claim files (schema in {@code theorems/README.md}). YAML is composed into a node
 * tree that keeps line numbers, so every schema error names the file, the line and the field. A file
 * is validated completely — quantities, rungs, experiments and overrides included — before anything runs.
 */
public final class ClaimFiles {

    private static final Set<String> CLAIM_FIELDS = Set.of("id", "theory", "source", "statement", "assumptions", "checks");
    private static final Set<String> CHECK_FIELDS = Set.of("name", "rung", "experiment", "overrides", "quick",
            "quantity", "params", "tolerance", "exact", "confidence", "expected", "why", "runs");
    /** The rung name of checks decided by symbolic computation. */
    public static final String SYMBOLIC = "symbolic";
    /**
     * The rung name of checks on runs read from files ({@code runs:}), which every theory that reads its traces back
     * ({@link Theory#readTrace}) has: it stands for the rung of the check's experiment.
     */
    public static final String EXTERNAL = "external";
    private static final double DEFAULT_CONFIDENCE = 0.95;

    private ClaimFiles() {}

    /**
     * Every {@code *.yaml} below the given files or directories, sorted by path, loaded and validated,
     * each with its theory: the one its {@code theory} field names, else the one whose
     * {@code theorems/<id>/} folder holds it.
     */
    public static List<Claim> load(List<Path> paths, Theories theories) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.walk(p)) {
                    found = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
                } catch (IOException e) {
                    throw new ConfigException(p.toString(), 0, "", "cannot list claim files: " + e.getMessage());
                }
                if (found.isEmpty()) {
                    // zero checks run would read as zero checks failed
                    throw new ConfigException(p.toString(), 0, "", "no claim file (*.yaml or *.yml) in this directory or below; "
                            + "give a claim file or a directory that holds some, e.g. theorems/");
                }
                files.addAll(found);
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new ConfigException(p.toString(), 0, "", "no such claim file or directory");
            }
        }
        List<Claim> claims = new ArrayList<>();
        Map<String, Path> ids = new LinkedHashMap<>();
        for (Path f : files) {
            Claim c = read(f, theories);
            Path other = ids.putIfAbsent(c.id(), f);
            if (other != null) {
                throw new ConfigException(f.toString(), 1, "id", "claim id '" + c.id() + "' is also used by " + other);
            }
            claims.add(c);
        }
        return claims;
    }

    /** Reads one claim file of one of {@code theories}. */
    public static Claim read(Path file, Theories theories) {
        String text = InputFiles.readText(file, "a claim file", InputFiles.YAML_MAX_BYTES);
        Node root;
        try {
            root = new Yaml(InputFiles.yamlLimits()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(file.toString(), e.getProblemMark().getLine() + 1, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            String limit = InputFiles.yamlLimitProblem(e.getMessage());
            throw new ConfigException(file.toString(), 0, "", limit != null ? limit
                    : "not valid YAML: " + e.getMessage().strip().replaceAll("\\s+", " "));
        }
        Reader r = new Reader(file);
        if (!(root instanceof MappingNode map)) {
            throw new ConfigException(file.toString(), root == null ? 0 : r.line(root), "", "a claim file is a YAML mapping");
        }
        Map<String, NodeTuple> fields = r.fields(map, CLAIM_FIELDS, "");
        Theory<?, ?> theory;
        if (fields.containsKey("theory")) {
            Node at = fields.get("theory").getValueNode();
            theory = theories.require(r.scalar(at, "theory").trim(), file.toString(), r.line(at), "theory");
        } else {
            theory = theories.ofFolder(file).orElseThrow(() -> new ConfigException(file.toString(), r.line(map), "theory",
                    "which theory is this claim of? Put the file in theorems/<theory>/ or give it the field theory: <id>; "
                            + "theories: " + String.join(", ", theories.ids())));
        }
        return read(file, map, fields, r, theory);
    }

    private static <E extends Experiment, T extends Trace> Claim read(Path file, MappingNode map, Map<String, NodeTuple> fields,
                                                                      Reader r, Theory<E, T> theory) {
        Quantities<E, T> quantities = Quantities.of(theory);
        String id = r.requiredText(fields, map, "id");
        String source = r.requiredText(fields, map, "source");
        String statement = r.requiredText(fields, map, "statement");
        List<String> assumptions = fields.containsKey("assumptions") ? r.texts(fields.get("assumptions"), "assumptions") : List.of();
        NodeTuple checksField = fields.get("checks");
        if (checksField == null || !(checksField.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new ConfigException(file.toString(), checksField == null ? r.line(map) : r.line(checksField.getValueNode()),
                    "checks", "a claim needs a non-empty list of checks");
        }
        List<CheckSpec> checks = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Node n : seq.getValue()) {
            CheckSpec c = r.check(n, theory, quantities);
            if (!names.add(c.name())) {
                throw new ConfigException(file.toString(), c.line(), "checks.name", "two checks are named '" + c.name() + "'");
            }
            checks.add(c);
        }
        return new Claim(id, theory.id(), source, statement, assumptions, checks, file);
    }

    /** Reads typed fields from nodes, naming file, line and field on error. */
    private record Reader(Path file) {

        int line(Node n) {
            return n.getStartMark().getLine() + 1;
        }

        ConfigException error(Node at, String field, String problem) {
            return new ConfigException(file.toString(), line(at), field, problem);
        }

        Map<String, NodeTuple> fields(MappingNode map, Set<String> allowed, String prefix) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode(), prefix + "?");
                if (!allowed.contains(key)) {
                    throw error(t.getKeyNode(), prefix + key, "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (out.put(key, t) != null) {
                    throw error(t.getKeyNode(), prefix + key, "appears twice");
                }
            }
            return out;
        }

        String scalar(Node n, String field) {
            if (!(n instanceof ScalarNode s)) {
                throw error(n, field, "must be a single value");
            }
            return s.getValue();
        }

        String requiredText(Map<String, NodeTuple> fields, Node owner, String field) {
            NodeTuple t = fields.get(field);
            if (t == null) {
                throw error(owner, field, "is missing (required)");
            }
            String v = scalar(t.getValueNode(), field).trim();
            if (v.isEmpty()) {
                throw error(t.getValueNode(), field, "must not be empty");
            }
            return v;
        }

        List<String> texts(NodeTuple t, String field) {
            Node v = t.getValueNode();
            if (!(v instanceof SequenceNode seq)) {
                throw error(v, field, "must be a list");
            }
            List<String> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                out.add(scalar(n, field));
            }
            return out;
        }

        double number(NodeTuple t, String field) {
            String v = scalar(t.getValueNode(), field);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(t.getValueNode(), field, "must be a finite number, got '" + v + "'");
            }
        }

        <E extends Experiment, T extends Trace> CheckSpec check(Node node, Theory<E, T> theory, Quantities<E, T> quantities) {
            if (!(node instanceof MappingNode map)) {
                throw error(node, "checks", "each check is a mapping");
            }
            Map<String, NodeTuple> f = fields(map, CHECK_FIELDS, "checks.");
            String name = requiredText(f, map, "name");
            String rung = requiredText(f, map, "rung");
            List<String> rungs = new ArrayList<>(quantities.rungNames());
            rungs.add(0, SYMBOLIC);
            rungs.add(1, EXTERNAL);
            boolean external = rung.equals(EXTERNAL);
            if (!rungs.contains(rung)) {
                throw error(f.get("rung").getValueNode(), "checks.rung", "unknown rung '" + rung + "'; allowed: " + String.join(", ", rungs));
            }
            String quantityName = requiredText(f, map, "quantity");
            Node qNode = f.get("quantity").getValueNode();
            Tolerance tolerance;
            Quantity<E, T> quantity = null;
            if (rung.equals(SYMBOLIC)) {
                if (!quantities.symbolicIds().contains(quantityName)) {
                    throw error(qNode, "checks.quantity", "unknown symbolic check '" + quantityName + "'; known: "
                            + String.join(", ", quantities.symbolicIds()));
                }
                tolerance = Tolerance.binary();
            } else {
                quantity = quantities.find(quantityName).orElseThrow(() -> error(qNode, "checks.quantity",
                        "unknown quantity '" + quantityName + "'; known: " + String.join(", ", quantities.names())));
                if (!external && !quantity.rungs().contains(rung)) {
                    throw error(f.get("rung").getValueNode(), "checks.rung", "quantity " + quantityName
                            + " is not meaningful on rung " + rung + "; it is on: " + String.join(", ", quantity.rungs().stream().sorted().toList()));
                }
                tolerance = tolerance(f, map);
            }
            Map<String, Node> written = new LinkedHashMap<>();
            Map<String, Object> params = params(f.get("params"), map, quantity, quantityName, written);
            Path experiment = null;
            List<String> overrides = f.containsKey("overrides") ? texts(f.get("overrides"), "checks.overrides") : List.of();
            List<String> quick = f.containsKey("quick") ? texts(f.get("quick"), "checks.quick") : List.of();
            NodeTuple runsField = f.get("runs");
            ExternalRuns runs = null;
            if (runsField != null && !external) {
                throw error(runsField.getKeyNode(), "checks.runs", "is for rung " + EXTERNAL + " (runs read from files); this "
                        + "check's rung is " + rung);
            }
            if (external) {
                if (runsField == null) {
                    throw error(map, "checks.runs", "is missing (required on rung " + EXTERNAL + "): the directory that holds "
                            + "seed-<n>/ for each seed of the experiment, or a glob of run directories");
                }
                if (!quick.isEmpty()) {
                    throw error(f.get("quick").getValueNode(), "checks.quick", "runs read from files are what they are, so a "
                            + "check on rung " + EXTERNAL + " has one budget: give the runs' settings in overrides");
                }
                if (!f.containsKey("experiment")) {
                    throw error(map, "checks.experiment", "is missing (required on rung " + EXTERNAL + "): the experiment the "
                            + "runs are of, which says their data, rates and steps");
                }
            }
            if (f.containsKey("experiment")) {
                Node e = f.get("experiment").getValueNode();
                experiment = Path.of(scalar(e, "checks.experiment"));
                if (!Files.isRegularFile(experiment)) {
                    throw error(e, "checks.experiment", "experiment file " + experiment + " does not exist (paths are relative to the working directory)");
                }
                ExperimentFile<E> base = withOverrides(ExperimentFile.read(experiment, theory.experiments()), overrides,
                        f.get("overrides"), e);
                if (external) {
                    runs = externalRuns(base, e, f.get("rung").getValueNode(), runsField.getValueNode(), theory, quantities,
                            quantity, params, written);
                } else {
                    validateRun(base, quick.isEmpty() ? "" : " with --full", e, f.get("rung").getValueNode(), rung, quantities,
                            quantity, params, written);
                }
                if (!quick.isEmpty()) {
                    validateRun(withOverrides(base, quick, f.get("quick"), e), " with the quick overrides", e,
                            f.get("rung").getValueNode(), rung, quantities, quantity, params, written);
                }
            } else if (quantity != null && quantity.needsExperiment()) {
                throw error(map, "checks.experiment", "quantity " + quantityName + " needs an experiment file");
            }
            NodeTuple expectedField = f.get("expected");
            if (expectedField == null) {
                throw error(map, "checks.expected", "is missing (required): one of HOLDS, HOLDS_APPROX, FAILS, INCONCLUSIVE");
            }
            String exp = scalar(expectedField.getValueNode(), "checks.expected");
            Verdict expected;
            try {
                expected = Verdict.valueOf(exp);
            } catch (IllegalArgumentException ex) {
                expected = Verdict.ERROR;
            }
            if (expected == Verdict.ERROR) {
                throw error(expectedField.getValueNode(), "checks.expected", "must be one of HOLDS, HOLDS_APPROX, FAILS, INCONCLUSIVE; got '" + exp + "'");
            }
            String why = f.containsKey("why") ? scalar(f.get("why").getValueNode(), "checks.why").trim() : "";
            if (why.isEmpty() && (expected == Verdict.FAILS || expected == Verdict.INCONCLUSIVE)) {
                throw error(expectedField.getValueNode(), "checks.why", "is missing: an expected " + expected
                        + " needs a why (what was measured, and which assumption of the claim it breaks)");
            }
            return new CheckSpec(name, rung, experiment, overrides, quick, quantityName, params, tolerance, expected, why,
                    file, line(map), runs);
        }

        /**
         * Validates a check on rung {@code external} as {@link #validateRun} does on the rung its experiment names (what
         * the runs are), and reads its runs: the experiment must be one configuration, and the quantity meaningful on that
         * rung.
         */
        <E extends Experiment, T extends Trace> ExternalRuns externalRuns(ExperimentFile<E> file, Node experimentNode,
                Node rungNode, Node runsNode, Theory<E, T> theory, Quantities<E, T> quantities, Quantity<E, T> quantity,
                Map<String, Object> params, Map<String, Node> written) {
            SweepPlan<E> plan;
            try {
                plan = SweepPlan.of(file);
            } catch (ConfigException ce) {
                throw error(experimentNode, "checks.experiment", "the experiment is invalid: " + ce.getMessage());
            }
            if (!plan.keys().isEmpty()) {
                throw error(experimentNode, "checks.experiment", "sweeps " + String.join(", ", plan.keys()) + ", but runs read "
                        + "from files are the runs of one configuration: fix the swept keys with overrides");
            }
            E config = plan.cells().get(0).config();
            String standsFor = config.rung();
            if (!quantity.rungs().contains(standsFor)) {
                throw error(rungNode, "checks.rung", "quantity " + quantity.name() + " is not meaningful on rung " + standsFor
                        + ", the rung of the check's experiment (its rung key: what the runs are); it is on: "
                        + String.join(", ", quantity.rungs().stream().sorted().toList()));
            }
            validateRun(file, "", experimentNode, rungNode, standsFor, quantities, quantity, params, written);
            String pattern = scalar(runsNode, "checks.runs").trim();
            if (pattern.isEmpty()) {
                throw error(runsNode, "checks.runs", "must not be empty");
            }
            List<Long> seeds = quantities.rung(standsFor).isRandom(config) ? config.seeds() : config.seeds().subList(0, 1);
            return ExternalRuns.read(pattern, theory, config, seeds, file().toString(), line(runsNode));
        }

        /**
         * The check's parameters, typed and validated against the quantity's declarations, with the
         * declared defaults filled in; {@code written} receives the node of each parameter set in the file.
         */
        Map<String, Object> params(NodeTuple field, Node owner, Quantity<?, ?> quantity, String quantityName, Map<String, Node> written) {
            List<Parameter> declared = quantity == null ? List.of() : quantity.parameters();
            Map<String, Parameter> byName = new LinkedHashMap<>();
            declared.forEach(p -> byName.put(p.name(), p));
            Map<String, Object> params = new LinkedHashMap<>();
            if (field != null) {
                Node p = field.getValueNode();
                if (!(p instanceof MappingNode pm)) {
                    throw error(p, "checks.params", "must be a mapping");
                }
                for (NodeTuple t : pm.getValue()) {
                    String key = scalar(t.getKeyNode(), "checks.params");
                    String where = "checks.params." + key;
                    Parameter declaration = byName.get(key);
                    if (declaration == null) {
                        throw error(t.getKeyNode(), where, "unknown parameter of " + quantityName + "; allowed: "
                                + (declared.isEmpty() ? "none" : String.join("; ", declared.stream().map(Parameter::describe).toList())));
                    }
                    if (written.put(key, t.getValueNode()) != null) {
                        throw error(t.getKeyNode(), where, "appears twice");
                    }
                    try {
                        params.put(key, declaration.parse(raw(t.getValueNode(), where)));
                    } catch (IllegalArgumentException ex) {
                        throw error(t.getValueNode(), where, ex.getMessage());
                    }
                }
            }
            for (Parameter d : declared) {
                if (!params.containsKey(d.name())) {
                    if (d.required()) {
                        throw error(field == null ? owner : field.getValueNode(), "checks.params." + d.name(),
                                "is missing (required by " + quantityName + "): " + d.allowed());
                    }
                    if (d.fallback() != null) {
                        params.put(d.name(), d.fallback());
                    }
                }
            }
            return params;
        }

        /** A scalar's text, or a list of scalars' texts. */
        Object raw(Node n, String field) {
            if (n instanceof SequenceNode seq) {
                List<Object> out = new ArrayList<>();
                for (Node e : seq.getValue()) {
                    out.add(raw(e, field));
                }
                return out;
            }
            return scalar(n, field);
        }

        /**
         * Validates one budget of a check's run before anything runs: the experiment with its overrides,
         * every cell of its sweep grid, the rung's constraints on each cell, and the experiment keys the
         * parameters name.
         */
        <E extends Experiment, T extends Trace> void validateRun(ExperimentFile<E> file, String budget, Node experimentNode,
                Node rungNode, String rung, Quantities<E, T> quantities, Quantity<E, T> quantity, Map<String, Object> params,
                Map<String, Node> written) {
            SweepPlan<E> plan;
            try {
                plan = SweepPlan.of(file);
            } catch (ConfigException ce) {
                throw error(experimentNode, "checks.experiment", "the experiment" + budget + " is invalid: " + ce.getMessage());
            }
            if (!rung.equals(SYMBOLIC)) {
                requireRunnable(quantities.rung(rung), plan, budget, rungNode, "checks.rung");
            }
            if (quantity == null) {
                return;
            }
            try {
                quantity.requireMeasurable(plan.base());
            } catch (ConfigException ce) {
                throw error(experimentNode, "checks.experiment", "quantity " + quantity.name() + " " + ce.problem()
                        + (budget.isEmpty() ? "" : " (" + budget.trim() + ")"));
            }
            for (Parameter p : quantity.parameters()) {
                Object v = params.get(p.name());
                if (p.type() == Parameter.Type.RUNG && v != null) {
                    requireRunnable(quantities.rung((String) v), plan, budget, written.getOrDefault(p.name(), rungNode),
                            "checks.params." + p.name());
                }
                if (p.type() == Parameter.Type.SWEPT_KEY && v != null && !plan.keys().contains((String) v)) {
                    Node at = written.getOrDefault(p.name(), experimentNode);
                    throw error(at, "checks.params." + p.name(), "'" + v + "' is not swept by the experiment" + budget
                            + "; it sweeps: " + (plan.keys().isEmpty() ? "nothing" : String.join(", ", plan.keys())));
                }
            }
        }

        /** The experiment with a list of the check's overrides, an override that names no key reported at the list. */
        <E extends Experiment> ExperimentFile<E> withOverrides(ExperimentFile<E> file, List<String> overrides, NodeTuple field,
                                                               Node experimentNode) {
            try {
                return file.withOverrides(overrides);
            } catch (ConfigException ce) {
                String name = field == null ? "checks.experiment" : "checks." + scalar(field.getKeyNode(), "checks");
                throw error(field == null ? experimentNode : field.getValueNode(), name, ce.getMessage());
            }
        }

        /** The rung's constraints hold on every cell of the plan. */
        <E extends Experiment, T extends Trace> void requireRunnable(Rung<E, T> rung, SweepPlan<E> plan, String budget, Node at,
                                                                    String field) {
            for (SweepPlan.Cell<E> cell : plan.cells()) {
                try {
                    rung.requireApplicable(cell.config());
                } catch (ConfigException ce) {
                    throw error(at, field, "rung " + rung.name() + " cannot run the experiment" + budget
                            + (cell.values().isEmpty() ? "" : " (cell " + cell.values() + ")") + ": " + ce.getMessage());
                }
            }
        }

        Tolerance tolerance(Map<String, NodeTuple> f, Node owner) {
            NodeTuple t = f.get("tolerance");
            if (t == null) {
                throw error(owner, "checks.tolerance", "is missing (required for numeric checks): the largest deviation that still counts as HOLDS_APPROX");
            }
            double approx = number(t, "checks.tolerance");
            if (approx <= 0) {
                throw error(t.getValueNode(), "checks.tolerance", "must be > 0, got " + approx);
            }
            double exact = 0;
            if (f.containsKey("exact")) {
                exact = number(f.get("exact"), "checks.exact");
                if (exact < 0 || exact > approx) {
                    throw error(f.get("exact").getValueNode(), "checks.exact", "must be in [0, tolerance], got " + exact);
                }
            }
            double confidence = DEFAULT_CONFIDENCE;
            if (f.containsKey("confidence")) {
                confidence = number(f.get("confidence"), "checks.confidence");
                if (!(confidence > 0 && confidence < 1)) {
                    throw error(f.get("confidence").getValueNode(), "checks.confidence", "must be in (0, 1), got " + confidence);
                }
            }
            return new Tolerance(exact, approx, confidence);
        }
    }
}
