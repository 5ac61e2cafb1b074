package org.parrotscope.clip;

import java.util.ArrayList;
import java.util.List;

/** The BPE merge loop of OpenCLIP's {@code SimpleTokenizer.bpe}, for one pre-tokenised piece. */
final class BpeMerger {

    private BpeMerger() {}

    /**
     * Merges a piece by rank: repeatedly the adjacent pair with the lowest rank is joined everywhere, left to
     * right, until no adjacent pair has a rank.
     *
     * @param token the piece in the byte-to-unicode alphabet (without {@code </w>})
     * @param vocab the vocabulary
     * @return the ids of the merged symbols
     */
    static int[] merge(String token, BpeVocabulary vocab) {
        List<String> word = new ArrayList<>(token.length());
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            int next = i + Character.charCount(cp);
            // the last symbol carries the end-of-word marker
            word.add(next < token.length() ? token.substring(i, next) : token.substring(i, next) + "</w>");
            i = next;
        }
        while (word.size() > 1) {
            int best = Integer.MAX_VALUE;
            String first = null;
            String second = null;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer r = vocab.ranks().get(word.get(i) + " " + word.get(i + 1));
                if (r != null && r < best) {
                    best = r;
                    first = word.get(i);
                    second = word.get(i + 1);
                }
            }
            if (first == null) {
                break;
            }
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); ) {
                if (i + 1 < word.size()
                        && word.get(i).equals(first)
                        && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i += 2;
                } else {
                    merged.add(word.get(i));
                    i++;
                }
            }
            word = merged;
        }
        int[] ids = new int[word.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocab.encoder().get(word.get(i));
            if (id == null) {
                throw new IllegalStateException(
                        "BPE symbol '" + word.get(i) + "' of '" + token + "' is not in the vocabulary");
            }
            ids[i] = id;
        }
        return ids;
    }
}
