package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import java.util.List;
import java.util.Locale;

/**
 * throughput.svg: one panel per operation, a group of bars per corpus, one bar per runtime, on a
 * logarithmic MB/s axis (the contenders span four orders of magnitude). Plain SVG, no library.
 */
final class SvgChart {
    static final List<String> BARS = List.of("aot", "icu4j", "jdk", "node", "graalwasm", "native");
    static final String[] COLORS = {"#1f77b4", "#d62728", "#9467bd", "#2ca02c", "#8c564b", "#7f7f7f"};

    private static final int PANEL_W = 560;
    private static final int LABEL_W = 90;
    private static final int BAR_H = 7;
    private static final int GROUP_GAP = 8;
    private static final double MIN = 0.1;
    private static final double MAX = 100_000;

    private final Results r;
    private final List<String> corpora;
    private final String size;

    SvgChart(Results r, List<String> corpora, String size) {
        this.r = r;
        this.corpora = corpora;
        this.size = size;
    }

    private double x(double mbps) {
        double v = Math.max(MIN, Math.min(MAX, mbps));
        return LABEL_W + (PANEL_W - LABEL_W - 20) * (Math.log10(v) - Math.log10(MIN)) / (Math.log10(MAX) - Math.log10(MIN));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    String render(String title) {
        List<Op> ops = List.of(Op.NORMALIZE_NFC, Op.NORMALIZE_NFKC, Op.IS_NORMALIZED_NFC, Op.COUNT_WORDS, Op.COUNT_GRAPHEMES, Op.TOKENIZE);
        int groupH = BARS.size() * BAR_H + GROUP_GAP;
        int panelH = 40 + corpora.size() * groupH + 30;
        int cols = 2;
        int rows = (ops.size() + cols - 1) / cols;
        int width = cols * PANEL_W + 20;
        int height = 70 + rows * panelH + 30;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">%n", width, height, width, height));
        s.append(String.format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", esc(title)));
        // Legend.
        int lx = 10;
        for (int i = 0; i < BARS.size(); i++) {
            s.append(String.format("<rect x=\"%d\" y=\"36\" width=\"12\" height=\"10\" fill=\"%s\"/>", lx, COLORS[i]));
            String t = MarkdownReport.TITLES.get(BARS.get(i));
            s.append(String.format("<text x=\"%d\" y=\"45\">%s</text>%n", lx + 16, esc(t)));
            lx += 26 + t.length() * 7;
        }
        for (int p = 0; p < ops.size(); p++) {
            Op op = ops.get(p);
            int ox = 10 + (p % cols) * PANEL_W;
            int oy = 60 + (p / cols) * panelH;
            s.append(String.format("<g transform=\"translate(%d,%d)\">%n", ox, oy));
            s.append(String.format("<text x=\"0\" y=\"16\" font-weight=\"bold\">%s, %s (MB/s, log scale)</text>%n", esc(op.title), size));
            int top = 26;
            int bottom = top + corpora.size() * groupH;
            for (double t = MIN; t <= MAX * 1.001; t *= 10) {
                double gx = x(t);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", gx, top, gx, bottom));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n", gx, bottom + 14,
                        t < 1 ? "0.1" : String.format(Locale.ROOT, "%,.0f", t)));
            }
            for (int c = 0; c < corpora.size(); c++) {
                String corpus = corpora.get(c);
                int gy = top + c * groupH;
                s.append(String.format("<text x=\"0\" y=\"%d\">%s</text>%n", gy + groupH / 2 + 2, esc(corpus)));
                for (int b = 0; b < BARS.size(); b++) {
                    Measurement m = r.find(op.id(), corpus, size, BARS.get(b));
                    if (m == null) {
                        continue;
                    }
                    double w = x(m.mbPerSec()) - LABEL_W;
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s %s: %.1f MB/s</title></rect>%n",
                            LABEL_W, gy + b * BAR_H, Math.max(0.5, w), BAR_H - 1, COLORS[b], esc(BARS.get(b)), esc(op.id()), esc(corpus), m.mbPerSec()));
                }
            }
            s.append("</g>\n");
        }
        s.append(String.format("<text x=\"10\" y=\"%d\" fill=\"#555\">Missing bars: not run at this size (see RESULTS.md). "
                + "Throughput = UTF-8 input bytes per second.</text>%n", height - 10));
        return s.append("</svg>\n").toString();
    }
}
