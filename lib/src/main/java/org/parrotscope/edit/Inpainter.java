package org.parrotscope.edit;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;
import org.parrotscope.ocr.OpenCv;
import org.parrotscope.ocr.Quad;

/**
 * Removes text by Telea's fast-marching inpainting inside word polygons (paper Step 5, [38] = Telea 2004), through
 * OpenCV's {@code Photo.inpaint(..., INPAINT_TELEA)}. Pixels outside the dilated mask are returned unchanged.
 * Stateless and thread-safe.
 */
public final class Inpainter {

    private final InpaintConfig config;

    /** @param config radius and mask dilation */
    public Inpainter(InpaintConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the configuration */
    public InpaintConfig config() {
        return config;
    }

    /**
     * Inpaints the polygons of an image.
     *
     * @param image an RGB image (not modified)
     * @param polygons the regions to remove, in the image's pixels
     * @return a new TYPE_INT_RGB image; a copy of the input when there are no polygons
     */
    public BufferedImage inpaint(BufferedImage image, List<Quad> polygons) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        if (polygons.isEmpty()) {
            return toImage(rgb, w, h);
        }
        OpenCv.load();
        Mat mask = TextMask.mat(w, h, polygons, config.dilation());
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i++) {
            bgr[3 * i] = (byte) rgb[i];
            bgr[3 * i + 1] = (byte) (rgb[i] >> 8);
            bgr[3 * i + 2] = (byte) (rgb[i] >> 16);
        }
        Mat src = new Mat(h, w, CvType.CV_8UC3);
        src.put(0, 0, bgr);
        Mat dst = new Mat();
        Photo.inpaint(src, mask, dst, config.radius(), Photo.INPAINT_TELEA);
        dst.get(0, 0, bgr);
        src.release();
        dst.release();
        mask.release();
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (bgr[3 * i + 2] & 0xff) << 16 | (bgr[3 * i + 1] & 0xff) << 8 | (bgr[3 * i] & 0xff);
        }
        return toImage(rgb, w, h);
    }

    private static BufferedImage toImage(int[] rgb, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }
}
