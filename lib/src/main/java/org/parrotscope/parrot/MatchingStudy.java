package org.parrotscope.parrot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.SpottedWord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The matching study: how each step of the normalised rule, the fuzzy threshold and a segmentation-tolerant
 * rule move the image-level parrot rate on engine OCR, and how many of their matches are false. Generated data
 * says which matches are real: a caption word is really printed when its normalised form ({@link
 * NormalizedWords}) equals a printed word's. The generator changes only case and punctuation when a caption
 * re-types a printed word, so that reference is exact for it; a rule stricter than it (Algorithm 1) misses real
 * matches, a looser one (fuzzy, joins) can only add false ones.
 *
 * <p>The rules: {@code exact} (Algorithm 1 as defined, kept as the paper's definition), {@code casefold} (NFKC
 * and case folding only), {@code punctuation} (surrounding punctuation stripped only), {@code normalized} (both:
 * {@link Matching#NORMALIZED}), {@code fuzzy r/n} ({@link FuzzyRule} with ratio r and exact below n letters,
 * {@code fuzzy 0.2/5} is {@link Matching#FUZZY}), and {@code normalized+joins}: normalised, plus a caption word
 * matches when 2-4 consecutive spotted tokens spell it ({@code C A S H}, a tracked heading read letter by
 * letter) and 2-3 consecutive caption words match when together they spell one spotted token
 * ({@code gavinstone}, words the recogniser ran together); joined strings must have at least
 * {@link #MIN_JOINED} letters.
 */
public final class MatchingStudy {

    /** Fewest characters a joined string needs to count (shorter joins are coincidences: "a"+"t" = "at"). */
    public static final int MIN_JOINED = 4;

    /**
     * One rule of the study.
     *
     * @param name the rule's name in the table
     * @param tokens the tokeniser applied to captions and {@code ocr_text}
     * @param fuzzy the fuzzy rule, or null for equality
     * @param joins whether consecutive tokens may be joined
     */
    public record Rule(String name, Function<String, List<String>> tokens, FuzzyRule fuzzy, boolean joins) {
        /** Checks the fields. */
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    private MatchingStudy() {}

    /** @return the rules of the study, in table order */
    public static List<Rule> rules() {
        Function<String, List<String>> norm = NormalizedWords::split;
        List<Rule> r = new ArrayList<>();
        r.add(new Rule("exact", PyWords::split, null, false));
        r.add(new Rule("casefold", s -> PyWords.split(NormalizedWords.fold(s)), null, false));
        r.add(new Rule("punctuation", MatchingStudy::stripOnly, null, false));
        r.add(new Rule("normalized", norm, null, false));
        for (double ratio : new double[] {0.1, 0.2, 0.3, 0.4}) {
            r.add(new Rule("fuzzy " + ratio + "/5", norm, new FuzzyRule(ratio, 5), false));
        }
        r.add(new Rule("fuzzy 0.2/4", norm, new FuzzyRule(0.2, 4), false));
        r.add(new Rule("fuzzy 0.34/3", norm, new FuzzyRule(0.34, 3), false));
        r.add(new Rule("normalized+joins", norm, null, true));
        return r;
    }

    private static List<String> stripOnly(String s) {
        List<String> out = new ArrayList<>();
        for (String t : PyWords.split(s)) {
            String p = NormalizedWords.stripPunctuation(t);
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The caption tokens a rule matches with spotted text.
     *
     * @param rule the rule
     * @param caption the caption
     * @param spotted the spotted words
     * @return the matched caption tokens, in caption order
     */
    public static Set<String> matched(Rule rule, String caption, List<String> spotted) {
        List<String> cap = rule.tokens().apply(caption);
        List<String> ocr = rule.tokens().apply(PyWords.ocrText(spotted));
        Set<String> ocrSet = new HashSet<>(ocr);
        Set<String> out = new LinkedHashSet<>();
        for (String c : cap) {
            if (ocrSet.contains(c)) {
                out.add(c);
            } else if (rule.fuzzy() != null) {
                int[] cw = c.codePoints().toArray();
                for (String o : ocrSet) {
                    if (rule.fuzzy().matches(cw, o.codePoints().toArray())) {
                        out.add(c);
                        break;
                    }
                }
            }
        }
        if (rule.joins()) {
            Set<String> capSet = new HashSet<>(cap);
            for (int j = 0; j < ocr.size(); j++) {
                StringBuilder s = new StringBuilder(ocr.get(j));
                for (int n = 2; n <= 4 && j + n <= ocr.size(); n++) {
                    s.append(ocr.get(j + n - 1));
                    if (s.length() >= MIN_JOINED && capSet.contains(s.toString())) {
                        out.add(s.toString());
                    }
                }
            }
            for (int i = 0; i < cap.size(); i++) {
                StringBuilder s = new StringBuilder(cap.get(i));
                for (int n = 2; n <= 3 && i + n <= cap.size(); n++) {
                    s.append(cap.get(i + n - 1));
                    if (s.length() >= MIN_JOINED && ocrSet.contains(s.toString())) {
                        out.addAll(cap.subList(i, i + n));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs every rule over one engine's OCR.
     *
     * @param truth captions and printed words of generated data
     * @param records the engine's records; samples without a record are left out
     * @return a new table, one row per rule: rule, images, parrot_images (caption shares a word with the spotted
     *     text under the rule), parrot_rate, real_parrot_images (shares a word with the printed text, normalised),
     *     recall (flagged images with a real match / real parrot images), false_images (flagged on false matches
     *     only), matched_words, false_words, word_precision, rate_on_truth (the rule's parrot rate with the
     *     printed words as OCR: what it measures with a perfect spotter)
     */
    public static Table run(TruthImages truth, List<OcrRecord> records) {
        Map<String, OcrRecord> byKey = new HashMap<>();
        records.forEach(r -> byKey.put(r.key(), r));
        CoEmbMatcher matcher = CoEmbMatcher.defaults();
        List<Rule> rules = rules();
        long[][] c = new long[rules.size()][7];
        long images = 0;
        long realParrot = 0;
        for (TruthImages.Image img : truth.byKey().values()) {
            OcrRecord r = byKey.get(img.key());
            if (r == null) {
                continue;
            }
            images++;
            List<String> spotted = r.failed()
                    ? List.of()
                    : r.words().stream().map(SpottedWord::text).toList();
            Set<String> real = new HashSet<>(NormalizedWords.split(String.join(" ", img.words())));
            boolean isParrot = matcher.match(Matching.NORMALIZED, img.caption(), img.words())
                    .parrot();
            realParrot += isParrot ? 1 : 0;
            for (int k = 0; k < rules.size(); k++) {
                Set<String> m = matched(rules.get(k), img.caption(), spotted);
                long falseWords = m.stream().filter(w -> !isReal(w, real)).count();
                boolean flagged = !m.isEmpty();
                boolean truePositive = flagged && falseWords < m.size();
                c[k][0] += flagged ? 1 : 0;
                c[k][1] += truePositive && isParrot ? 1 : 0;
                c[k][2] += flagged && !truePositive ? 1 : 0;
                c[k][3] += m.size();
                c[k][4] += falseWords;
                c[k][5] += matched(rules.get(k), img.caption(), img.words()).isEmpty() ? 0 : 1;
            }
        }
        long n = images;
        long rp = realParrot;
        Table t = Table.create(
                "matching study",
                StringColumn.create("rule", rules.stream().map(Rule::name).toList()),
                LongColumn.create("images", rules.stream().mapToLong(x -> n).toArray()),
                LongColumn.create("parrot_images", col(c, 0)),
                DoubleColumn.create("parrot_rate", ratio(col(c, 0), n)),
                LongColumn.create(
                        "real_parrot_images", rules.stream().mapToLong(x -> rp).toArray()),
                DoubleColumn.create("recall", ratio(col(c, 1), rp)),
                LongColumn.create("false_images", col(c, 2)),
                LongColumn.create("matched_words", col(c, 3)),
                LongColumn.create("false_words", col(c, 4)));
        double[] precision = new double[rules.size()];
        for (int k = 0; k < rules.size(); k++) {
            precision[k] = c[k][3] == 0 ? 1 : 1 - (double) c[k][4] / c[k][3];
        }
        t.addColumns(
                DoubleColumn.create("word_precision", precision),
                DoubleColumn.create("rate_on_truth", ratio(col(c, 5), n)));
        return t;
    }

    /** A matched caption token is real when every normalised token of it is a normalised printed word. */
    private static boolean isReal(String token, Set<String> real) {
        List<String> n = NormalizedWords.split(token);
        return !n.isEmpty() && real.containsAll(n);
    }

    private static long[] col(long[][] c, int i) {
        long[] out = new long[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = c[k][i];
        }
        return out;
    }

    private static double[] ratio(long[] v, long d) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = d == 0 ? 0 : (double) v[k] / d;
        }
        return out;
    }
}
