package org.theorycheck.core.io;

import org.theorycheck.core.experiment.ConfigException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files a user hands the program (experiment files, claim files, CSV files to plot) and sets the
 * limits of their YAML, so that whatever a file holds, reading it costs little and fails, if it must, with one
 * {@link ConfigException} naming the file: a missing file, a directory, a file over the size limit, a file that
 * is not UTF-8 text (a binary file), and YAML with more aliases or deeper nesting than allowed.
 *
 * <p>The limits are far above any real file (the largest bundled experiment or claim file is 7 KB) and far below
 * what would cost the JVM minutes or gigabytes: SnakeYAML scans a long value in time that grows faster than its
 * length (an 8 MB value took 18 s to be refused, a 50 MB one ran past 5 minutes at 1.7 GB), and an alias
 * repeats a whole collection, so a few lines of aliases of aliases expand into billions of nodes.
 */
public final class InputFiles {

    /** Bytes an experiment or claim file may have: 1 MiB. */
    public static final long YAML_MAX_BYTES = 1 << 20;
    /** Aliases of collections ({@code *name} of a list or mapping) a YAML file may use. */
    public static final int YAML_MAX_ALIASES = 50;
    /** Levels of nested lists and mappings a YAML file may have. */
    public static final int YAML_MAX_DEPTH = 50;

    private InputFiles() {}

    /**
     * The text of a user's file.
     *
     * @param what     what the file is, for the size message, e.g. "an experiment file"
     * @param maxBytes the largest size allowed ({@link Long#MAX_VALUE}: none)
     * @throws ConfigException if the file is missing, unreadable, too large or not UTF-8 text
     */
    public static String readText(Path file, String what, long maxBytes) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(source, 0, "", "is a directory; " + what + " is expected");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ConfigException(source, 0, "", String.format(Locale.ROOT, "is %,d bytes; %s may have at most %,d "
                        + "(%s) - is it the file you meant?", size, what, maxBytes, binarySize(maxBytes)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, 0, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source, 0, "", "cannot read: permission denied");
        } catch (IOException e) {
            throw new ConfigException(source, 0, "", "cannot read: " + e.getMessage());
        }
        return decode(source, bytes);
    }

    /** The bytes as UTF-8 text, or a message naming the first byte where they stop being text. */
    static String decode(String source, byte[] bytes) {
        int nul = 0;
        while (nul < bytes.length && bytes[nul] != 0) {
            nul++;
        }
        String nulByte = "it holds a NUL byte at offset " + nul;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        String text;
        try {
            text = utf8.decode(in).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops at the start of the sequence it rejects
            int at = Math.min(in.position(), bytes.length - 1);
            throw notText(source, nul < at ? nulByte
                    : String.format(Locale.ROOT, "byte 0x%02X at offset %d is not UTF-8", bytes[at] & 0xff, at));
        }
        if (nul < bytes.length) {
            throw notText(source, nulByte);
        }
        return text;
    }

    private static ConfigException notText(String source, String why) {
        return new ConfigException(source, 0, "", "is not a text file (" + why + "); give a UTF-8 text file");
    }

    private static String binarySize(long bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }

    /** SnakeYAML's limits for a user's YAML: size, aliases and nesting as above; keys are checked by the readers. */
    public static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) YAML_MAX_BYTES);
        options.setMaxAliasesForCollections(YAML_MAX_ALIASES);
        options.setNestingDepthLimit(YAML_MAX_DEPTH);
        return options;
    }

    /** Jackson's YAML factory with the same limits (Jackson's own on strings and documents included). */
    public static YAMLFactory yamlFactory() {
        return YAMLFactory.builder().loaderOptions(yamlLimits())
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) YAML_MAX_BYTES)
                        .maxDocumentLength(YAML_MAX_BYTES).maxNestingDepth(YAML_MAX_DEPTH).build())
                .build();
    }

    /**
     * The one-line message for SnakeYAML's refusal of a document over a limit, or null if {@code message} is
     * not one (SnakeYAML says it without a line: "exceeds the limit", "Number of aliases ... exceeds").
     */
    public static String yamlLimitProblem(String message) {
        if (message == null) {
            return null;
        }
        if (message.contains("Number of aliases")) {
            return "more than " + YAML_MAX_ALIASES + " aliases of lists or mappings (*name); a file may use at most "
                    + YAML_MAX_ALIASES + ", a guard against aliases that expand into billions of nodes";
        }
        if (message.contains("exceeds the limit") || message.contains("code points")) {
            return String.format(Locale.ROOT, "longer than %,d characters, the most a YAML file may have", YAML_MAX_BYTES);
        }
        if (message.contains("Nesting Depth exceeded") || message.contains("nesting depth")) {
            return "nested deeper than " + YAML_MAX_DEPTH + " levels of lists and mappings, the most a YAML file may have";
        }
        return null;
    }
}
