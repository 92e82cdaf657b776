package org.theorycheck.core.report;

import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;

/** Hand-built inputs and checks shared by the report tests. */
public final class Fixtures {

    private Fixtures() {}

    public static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * Two classes, two common tokens (0, 1) and two distinct tokens each (2, 3 for class 0; 4, 5 for
     * class 1), recorded at steps 0, 2, 5 and 9; c values chosen so that each (step, n, l) is unique.
     */
    public static String attentionCsv() {
        StringBuilder sb = new StringBuilder("step,next_token,token,role,p,z,c\n");
        int[] steps = {0, 2, 5, 9};
        for (int step : steps) {
            for (int n = 0; n < 2; n++) {
                int[] tokens = n == 0 ? new int[]{3, 2, 0, 1} : new int[]{0, 1, 4, 5};
                for (int l : tokens) {
                    boolean distinct = l >= 2;
                    double p = distinct ? (l % 2 == 0 ? 0.1 : 0.4) : 0.25;
                    double c = step * 0.01 + n * 0.001 + l * 0.0001 + 0.1;
                    sb.append(step).append(',').append(n).append(',').append(l).append(',')
                            .append(distinct ? "distinct" : "common").append(',').append(p).append(',')
                            .append(step * 0.1).append(',').append(c).append('\n');
                }
            }
        }
        return sb.toString();
    }

    public static double c(int step, int n, int l) {
        return step * 0.01 + n * 0.001 + l * 0.0001 + 0.1;
    }

    /** Parses XML without fetching any DTD (SVG files name the W3C one). */
    public static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
