package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the blank column runs between words in a rectified text-line crop. PP-OCRv4's recogniser uses
 * a Chinese dictionary and often emits no space between Latin words ("WINBLUE"); the ink itself still
 * shows the gap. The crop is binarised with Otsu's threshold, ink is the class that is rarer on the
 * crop's top and bottom rows (the DB unclip margin is background), and a run of ink-free columns at least
 * {@code ratio} times the ink height wide counts as a word gap. Letter spacing in common fonts is about
 * 0.1-0.2 of the ink height and a word space about 0.45-0.6, hence the default ratio 0.3.
 */
final class InkGaps {

    private InkGaps() {}

    /**
     * @param grey 8-bit grey pixels, row-major
     * @param w width
     * @param h height
     * @param ratio minimum gap width as a fraction of the ink height
     * @return gaps as {@code {start, end}} fractions of the width (start inclusive, end exclusive), left to right
     */
    static List<double[]> find(byte[] grey, int w, int h, double ratio) {
        List<double[]> gaps = new ArrayList<>();
        if (w < 3 || h < 3 || ratio <= 0) {
            return gaps;
        }
        int t = otsu(grey);
        boolean inkIsDark = borderDarkFraction(grey, w, h, t) < 0.5;
        int[] colInk = new int[w];
        int top = h, bottom = -1;
        for (int y = 0; y < h; y++) {
            int rowInk = 0;
            for (int x = 0; x < w; x++) {
                boolean dark = (grey[y * w + x] & 0xff) <= t;
                if (dark == inkIsDark) {
                    colInk[x]++;
                    rowInk++;
                }
            }
            if (rowInk > 0) {
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        if (bottom < 0) {
            return gaps;
        }
        double minGap = Math.max(2, ratio * (bottom - top + 1));
        int first = 0;
        while (first < w && colInk[first] == 0) {
            first++;
        }
        int last = w - 1;
        while (last >= 0 && colInk[last] == 0) {
            last--;
        }
        int run = -1;
        for (int x = first; x <= last; x++) {
            if (colInk[x] == 0 && run < 0) {
                run = x;
            } else if (colInk[x] > 0 && run >= 0) {
                if (x - run >= minGap) {
                    gaps.add(new double[] {(double) run / w, (double) x / w});
                }
                run = -1;
            }
        }
        return gaps;
    }

    /** Otsu's threshold: the grey level maximising the between-class variance (pixels {@code <= t} are dark). */
    static int otsu(byte[] grey) {
        long[] hist = new long[256];
        for (byte b : grey) {
            hist[b & 0xff]++;
        }
        long total = grey.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * hist[i];
        }
        double sumDark = 0, best = -1;
        long nDark = 0;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            nDark += hist[t];
            if (nDark == 0) {
                continue;
            }
            long nLight = total - nDark;
            if (nLight == 0) {
                break;
            }
            sumDark += (double) t * hist[t];
            double mDark = sumDark / nDark;
            double mLight = (sumAll - sumDark) / nLight;
            double between = (double) nDark * nLight * (mDark - mLight) * (mDark - mLight);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    private static double borderDarkFraction(byte[] grey, int w, int h, int t) {
        int dark = 0;
        for (int x = 0; x < w; x++) {
            dark += (grey[x] & 0xff) <= t ? 1 : 0;
            dark += (grey[(h - 1) * w + x] & 0xff) <= t ? 1 : 0;
        }
        return dark / (2.0 * w);
    }
}
