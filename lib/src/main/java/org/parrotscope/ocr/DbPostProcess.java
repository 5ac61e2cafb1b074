package org.parrotscope.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns the DB probability map of PP-OCR's detector into text-line quadrilaterals, following PaddleOCR's
 * {@code DBPostProcess} ({@code box_type=quad}, {@code score_mode=fast}) and {@code filter_tag_det_res}:
 * binarise at {@code thresh}, take each contour's minimum-area rectangle, score it by the mean probability
 * inside, drop it below {@code boxThresh}, expand ("unclip") it, and scale it to image pixels.
 */
final class DbPostProcess {

    /** PaddleOCR's {@code min_size}: rectangles with a shorter side are noise. */
    static final int MIN_SIZE = 3;

    static final int MAX_CANDIDATES = 1000;

    /**
     * A detected text line.
     *
     * @param quad 8 coordinates, clockwise from the top-left, in image pixels
     * @param score mean probability inside the unexpanded box
     */
    record Detection(float[] quad, float score) {}

    private final float thresh;
    private final float boxThresh;
    private final float unclipRatio;

    DbPostProcess(float thresh, float boxThresh, float unclipRatio) {
        this.thresh = thresh;
        this.boxThresh = boxThresh;
        this.unclipRatio = unclipRatio;
    }

    /**
     * @param prob the probability map, row-major {@code h * w}
     * @param h map height
     * @param w map width
     * @param srcH image height
     * @param srcW image width
     * @return the text lines in image pixels (unordered)
     */
    List<Detection> detect(float[] prob, int h, int w, int srcH, int srcW) {
        byte[] bits = new byte[h * w];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = prob[i] > thresh ? (byte) 255 : 0;
        }
        Mat bitmap = new Mat(h, w, CvType.CV_8UC1);
        bitmap.put(0, 0, bits);
        Mat pred = new Mat(h, w, CvType.CV_32FC1);
        pred.put(0, 0, prob);
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(bitmap, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
        List<Detection> out = new ArrayList<>();
        try {
            for (int c = 0; c < Math.min(contours.size(), MAX_CANDIDATES); c++) {
                MatOfPoint2f pts = new MatOfPoint2f(contours.get(c).toArray());
                RotatedRect rect = Imgproc.minAreaRect(pts);
                pts.release();
                if (Math.min(rect.size.width, rect.size.height) < MIN_SIZE) {
                    continue;
                }
                float[] box = miniBox(rect);
                float score = (float) scoreFast(pred, box);
                if (score < boxThresh) {
                    continue;
                }
                RotatedRect grown = unclip(rect, unclipRatio);
                if (Math.min(grown.size.width, grown.size.height) < MIN_SIZE + 2) {
                    continue;
                }
                float[] q = miniBox(grown);
                for (int i = 0; i < 4; i++) {
                    q[2 * i] = clip((float) Math.rint(q[2 * i] / w * srcW), 0, srcW);
                    q[2 * i + 1] = clip((float) Math.rint(q[2 * i + 1] / h * srcH), 0, srcH);
                }
                float[] kept = filterTag(q, srcH, srcW);
                if (kept != null) {
                    out.add(new Detection(kept, score));
                }
            }
        } finally {
            contours.forEach(Mat::release);
            hierarchy.release();
            bitmap.release();
            pred.release();
        }
        return out;
    }

    /**
     * PaddleOCR's unclip offset distance for a polygon: {@code area * ratio / perimeter}.
     *
     * @param width rectangle width
     * @param height rectangle height
     * @param ratio the unclip ratio
     * @return the distance each side moves outwards
     */
    static double unclipDistance(double width, double height, double ratio) {
        return width * height * ratio / (2 * (width + height));
    }

    /**
     * Expands a rotated rectangle as PaddleOCR's pyclipper offset (round joins) followed by a minimum-area
     * rectangle does: the offset polygon of a rectangle is bounded by the rectangle grown by the distance on
     * every side, so the result has the same centre and angle and sides {@code w + 2d}, {@code h + 2d}.
     *
     * @param r the rectangle
     * @param ratio the unclip ratio
     * @return the expanded rectangle
     */
    static RotatedRect unclip(RotatedRect r, double ratio) {
        double d = unclipDistance(r.size.width, r.size.height, ratio);
        return new RotatedRect(r.center.clone(), new Size(r.size.width + 2 * d, r.size.height + 2 * d), r.angle);
    }

    /**
     * A rotated rectangle's corners ordered as PaddleOCR's {@code get_mini_boxes}: top-left, top-right,
     * bottom-right, bottom-left (leftmost two by x, the upper one first; likewise the rightmost two).
     *
     * @param r the rectangle
     * @return 8 coordinates
     */
    static float[] miniBox(RotatedRect r) {
        Point[] p = new Point[4];
        r.points(p);
        Point[] s = p.clone();
        Arrays.sort(s, Comparator.comparingDouble(pt -> pt.x)); // stable, as Python's sorted
        Point tl, bl, tr, br;
        if (s[1].y > s[0].y) {
            tl = s[0];
            bl = s[1];
        } else {
            tl = s[1];
            bl = s[0];
        }
        if (s[3].y > s[2].y) {
            tr = s[2];
            br = s[3];
        } else {
            tr = s[3];
            br = s[2];
        }
        return new float[] {
            (float) tl.x,
            (float) tl.y,
            (float) tr.x,
            (float) tr.y,
            (float) br.x,
            (float) br.y,
            (float) bl.x,
            (float) bl.y
        };
    }

    /** Mean probability inside the quad, over its bounding rectangle (PaddleOCR {@code box_score_fast}). */
    private static double scoreFast(Mat pred, float[] box) {
        int h = pred.rows();
        int w = pred.cols();
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            minX = Math.min(minX, box[2 * i]);
            maxX = Math.max(maxX, box[2 * i]);
            minY = Math.min(minY, box[2 * i + 1]);
            maxY = Math.max(maxY, box[2 * i + 1]);
        }
        int x0 = clipInt((int) Math.floor(minX), 0, w - 1);
        int x1 = clipInt((int) Math.ceil(maxX), 0, w - 1);
        int y0 = clipInt((int) Math.floor(minY), 0, h - 1);
        int y1 = clipInt((int) Math.ceil(maxY), 0, h - 1);
        Mat mask = Mat.zeros(y1 - y0 + 1, x1 - x0 + 1, CvType.CV_8UC1);
        Point[] poly = new Point[4];
        for (int i = 0; i < 4; i++) {
            // astype(np.int32) truncates towards zero
            poly[i] = new Point((int) (box[2 * i] - x0), (int) (box[2 * i + 1] - y0));
        }
        MatOfPoint mp = new MatOfPoint(poly);
        Imgproc.fillPoly(mask, List.of(mp), new Scalar(1));
        Mat roi = pred.submat(y0, y1 + 1, x0, x1 + 1);
        double mean = Core.mean(roi, mask).val[0];
        roi.release();
        mp.release();
        mask.release();
        return mean;
    }

    /** PaddleOCR {@code filter_tag_det_res}: clip to the image, drop boxes 3 px or less across. */
    private static float[] filterTag(float[] q, int srcH, int srcW) {
        float[] c = q.clone();
        for (int i = 0; i < 4; i++) {
            c[2 * i] = clip(c[2 * i], 0, srcW - 1);
            c[2 * i + 1] = clip(c[2 * i + 1], 0, srcH - 1);
        }
        int width = (int) Math.hypot(c[0] - c[2], c[1] - c[3]);
        int height = (int) Math.hypot(c[0] - c[6], c[1] - c[7]);
        return width <= MIN_SIZE || height <= MIN_SIZE ? null : c;
    }

    private static float clip(float v, float lo, float hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int clipInt(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
