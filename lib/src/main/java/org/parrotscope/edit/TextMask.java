package org.parrotscope.edit;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.parrotscope.ocr.OpenCv;
import org.parrotscope.ocr.Quad;

/**
 * The binary mask of the pixels to inpaint: the word polygons filled, then dilated (paper Fig. 2 shows these
 * masks). Polygons may lie partly outside the image; they are clipped by the raster.
 */
public final class TextMask {

    private TextMask() {}

    /**
     * Rasterises polygons into a mask.
     *
     * @param width image width
     * @param height image height
     * @param polygons word quads in image pixels
     * @param dilation pixels to grow the filled polygons by
     * @return one byte per pixel, row-major, 1 inside the mask and 0 outside
     */
    public static byte[] build(int width, int height, List<Quad> polygons, int dilation) {
        Mat m = mat(width, height, polygons, dilation);
        byte[] out = new byte[width * height];
        m.get(0, 0, out);
        m.release();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] != 0 ? (byte) 1 : 0;
        }
        return out;
    }

    /** The mask as an 8-bit OpenCV matrix, 255 inside; the caller releases it. */
    static Mat mat(int width, int height, List<Quad> polygons, int dilation) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        OpenCv.load();
        Mat mask = Mat.zeros(height, width, CvType.CV_8UC1);
        if (polygons.isEmpty()) {
            return mask;
        }
        List<MatOfPoint> pts = new ArrayList<>();
        for (Quad q : polygons) {
            Point[] p = new Point[4];
            for (int i = 0; i < 4; i++) {
                p[i] = new Point(Math.round(q.x(i)), Math.round(q.y(i)));
            }
            pts.add(new MatOfPoint(p));
        }
        Imgproc.fillPoly(mask, pts, new Scalar(255));
        pts.forEach(Mat::release);
        if (dilation > 0) {
            Mat k = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * dilation + 1, 2 * dilation + 1));
            Imgproc.dilate(mask, mask, k);
            k.release();
        }
        return mask;
    }

    /**
     * Scales polygons from one image size to another (the random-area baseline puts a donor image's polygons on
     * the target; the paper does not say how, PAPER.md Q6; ours: x and y scaled independently by the ratio of the
     * sizes, so the masked fraction of the image and the masks' relative positions are kept).
     *
     * @param polygons the donor's quads
     * @param fromWidth donor width
     * @param fromHeight donor height
     * @param toWidth target width
     * @param toHeight target height
     * @return the scaled quads
     */
    public static List<Quad> scale(List<Quad> polygons, int fromWidth, int fromHeight, int toWidth, int toHeight) {
        if (fromWidth < 1 || fromHeight < 1) {
            throw new IllegalArgumentException("donor size must be positive: " + fromWidth + "x" + fromHeight);
        }
        double sx = (double) toWidth / fromWidth;
        double sy = (double) toHeight / fromHeight;
        List<Quad> out = new ArrayList<>(polygons.size());
        for (Quad q : polygons) {
            float[] xy = q.xy();
            for (int i = 0; i < 8; i += 2) {
                xy[i] = (float) (xy[i] * sx);
                xy[i + 1] = (float) (xy[i + 1] * sy);
            }
            out.add(new Quad(xy));
        }
        return out;
    }
}
