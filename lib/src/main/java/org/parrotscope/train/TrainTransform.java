package org.parrotscope.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * OpenCLIP's training image transform: {@code RandomResizedCrop(size, scale=(0.9, 1.0), ratio=(3/4, 4/3),
 * bicubic)} with torchvision's sampling (ten attempts, then a centre crop), RGB, /255, then mean/std
 * normalisation; output is CHW floats. The randomness comes from the caller's generator, seeded per sample,
 * so augmentation is reproducible whatever thread runs it.
 *
 * @param size output side in pixels
 * @param minScale smallest crop area fraction (0.9 in OpenCLIP)
 * @param maxScale largest crop area fraction (1.0)
 * @param mean per-channel mean (R, G, B)
 * @param std per-channel standard deviation
 */
public record TrainTransform(int size, double minScale, double maxScale, float[] mean, float[] std) {

    private static final double MIN_RATIO = 3.0 / 4.0;
    private static final double MAX_RATIO = 4.0 / 3.0;

    /** Validates the transform. */
    public TrainTransform {
        if (size < 1 || !(minScale > 0) || minScale > maxScale || maxScale > 1) {
            throw new IllegalArgumentException("need size >= 1 and 0 < minScale <= maxScale <= 1");
        }
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 channels");
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The crop box torchvision's {@code RandomResizedCrop.get_params} would draw.
     *
     * @param width image width
     * @param height image height
     * @param rng the sample's generator
     * @return {@code {x, y, w, h}}
     */
    public int[] cropBox(int width, int height, SplittableRandom rng) {
        double area = (double) width * height;
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (minScale + (maxScale - minScale) * rng.nextDouble());
            double aspect =
                    Math.exp(Math.log(MIN_RATIO) + (Math.log(MAX_RATIO) - Math.log(MIN_RATIO)) * rng.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && h > 0 && w <= width && h <= height) {
                return new int[] {rng.nextInt(width - w + 1), rng.nextInt(height - h + 1), w, h};
            }
        }
        double ratio = (double) width / height;
        int w = width;
        int h = height;
        if (ratio < MIN_RATIO) {
            h = (int) Math.round(w / MIN_RATIO);
        } else if (ratio > MAX_RATIO) {
            w = (int) Math.round(h * MAX_RATIO);
        }
        return new int[] {(width - w) / 2, (height - h) / 2, w, h};
    }

    /**
     * Applies the transform.
     *
     * @param image the decoded RGB image
     * @param rng the sample's generator
     * @return {@code 3 * size * size} normalised floats, channel-major
     */
    public float[] apply(BufferedImage image, SplittableRandom rng) {
        return normalise(crop(image, rng), mean, std);
    }

    /**
     * Applies the crop and resize but not the normalisation, which the training step does on the device ({@link
     * DeviceInput}): a quarter of the floats' memory in the prefetch queue and on the way to the device.
     *
     * @param image the decoded RGB image
     * @param rng the sample's generator (the same draws as {@link #apply})
     * @return {@code 3 * size * size} uint8 values, channel-major
     */
    public byte[] applyBytes(BufferedImage image, SplittableRandom rng) {
        return channels(crop(image, rng));
    }

    private BufferedImage crop(BufferedImage image, SplittableRandom rng) {
        int[] box = cropBox(image.getWidth(), image.getHeight(), rng);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(image, 0, 0, size, size, box[0], box[1], box[0] + box[2], box[1] + box[3], null);
        g.dispose();
        return out;
    }

    /**
     * An image's pixels as uint8 CHW.
     *
     * @param image the image
     * @return {@code 3 * w * h} values, R plane, G plane, B plane
     */
    public static byte[] channels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] chw = new byte[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            chw[i] = (byte) (p >> 16);
            chw[plane + i] = (byte) (p >> 8);
            chw[2 * plane + i] = (byte) p;
        }
        return chw;
    }

    /**
     * Converts an image of any size to normalised CHW floats.
     *
     * @param image the image
     * @param mean per-channel mean
     * @param std per-channel std
     * @return the floats
     */
    public static float[] normalise(BufferedImage image, float[] mean, float[] std) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        float[] chw = new float[3 * w * h];
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            chw[i] = (((p >> 16) & 0xff) / 255f - mean[0]) / std[0];
            chw[plane + i] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
            chw[2 * plane + i] = ((p & 0xff) / 255f - mean[2]) / std[2];
        }
        return chw;
    }
}
