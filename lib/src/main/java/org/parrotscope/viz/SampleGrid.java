package org.parrotscope.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of samples for eyeballing OCR results: each image scaled into a square cell, the spotted words'
 * quadrilaterals drawn with their labels, and the caption written underneath (Figure 1 of the paper
 * shows parrot captions this way). Renders as one PNG; saves as a .png file.
 *
 * @param cells the samples in reading order
 * @param columns cells per row
 * @param cellSize the side of the square each image is fitted into, in pixels
 */
public record SampleGrid(List<Cell> cells, int columns, int cellSize) implements PngRenderable {

    /**
     * A labelled quadrilateral in the original image's pixel coordinates.
     *
     * @param label the text drawn next to it (e.g. the spotted word)
     * @param quad {@code x0,y0,x1,y1,x2,y2,x3,y3}, corners in drawing order (copied)
     */
    public record Polygon(String label, float[] quad) {
        /** Validates and copies. */
        public Polygon {
            if (quad == null || quad.length != 8) {
                throw new IllegalArgumentException(
                        "quad needs 8 numbers x0,y0..x3,y3, got " + (quad == null ? "null" : quad.length));
            }
            quad = quad.clone();
            label = label == null ? "" : label;
        }

        @Override
        public float[] quad() {
            return quad.clone();
        }
    }

    /**
     * One sample.
     *
     * @param image the image
     * @param caption its caption
     * @param polygons words spotted in it
     */
    public record Cell(BufferedImage image, String caption, List<Polygon> polygons) {
        /** Validates and copies. */
        public Cell {
            if (image == null) {
                throw new IllegalArgumentException("image must not be null");
            }
            caption = caption == null ? "" : caption;
            polygons = List.copyOf(polygons);
        }
    }

    private static final int CAPTION_LINES = 3;
    private static final int LINE_HEIGHT = 15;
    private static final int PAD = 6;

    /** Validates and copies. */
    public SampleGrid {
        cells = List.copyOf(cells);
        if (columns < 1 || cellSize < 32) {
            throw new IllegalArgumentException(
                    "columns must be >= 1 and cellSize >= 32, got " + columns + ", " + cellSize);
        }
    }

    /** @return a builder with 4 columns of 256-pixel cells */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects samples; {@code optColumns} (default 4) and {@code optCellSize} (default 256) are optional. */
    public static final class Builder {
        private final List<Cell> cells = new ArrayList<>();
        private int columns = 4;
        private int cellSize = 256;

        /**
         * @param columns cells per row (default 4)
         * @return this
         */
        public Builder optColumns(int columns) {
            this.columns = columns;
            return this;
        }

        /**
         * @param cellSize square cell side in pixels (default 256)
         * @return this
         */
        public Builder optCellSize(int cellSize) {
            this.cellSize = cellSize;
            return this;
        }

        /**
         * @param image a sample image
         * @param caption its caption
         * @param polygons spotted words, may be empty
         * @return this
         */
        public Builder add(BufferedImage image, String caption, List<Polygon> polygons) {
            cells.add(new Cell(image, caption, polygons));
            return this;
        }

        /** @return the grid */
        public SampleGrid build() {
            return new SampleGrid(cells, columns, cellSize);
        }
    }

    @Override
    public byte[] png() {
        return new ImageView(toImage()).png();
    }

    /** @return the grid drawn as one image */
    public BufferedImage toImage() {
        int cols = Math.max(1, Math.min(columns, cells.size()));
        int rows = Math.max(1, (cells.size() + cols - 1) / cols);
        int cellH = cellSize + PAD + CAPTION_LINES * LINE_HEIGHT + PAD;
        BufferedImage out =
                new BufferedImage(cols * (cellSize + PAD) + PAD, rows * cellH + PAD, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < cells.size(); i++) {
                drawCell(g, cells.get(i), PAD + (i % cols) * (cellSize + PAD), PAD + (i / cols) * cellH);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private void drawCell(Graphics2D g, Cell c, int x, int y) {
        BufferedImage img = c.image();
        double scale = Math.min((double) cellSize / img.getWidth(), (double) cellSize / img.getHeight());
        int w = (int) Math.round(img.getWidth() * scale);
        int h = (int) Math.round(img.getHeight() * scale);
        g.drawImage(img, x, y, w, h, null);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        g.setStroke(new BasicStroke(2f));
        for (Polygon p : c.polygons()) {
            float[] q = p.quad();
            Path2D.Double path = new Path2D.Double();
            path.moveTo(x + q[0] * scale, y + q[1] * scale);
            for (int k = 2; k < 8; k += 2) {
                path.lineTo(x + q[k] * scale, y + q[k + 1] * scale);
            }
            path.closePath();
            g.setColor(new Color(230, 30, 30));
            g.draw(path);
            if (!p.label().isEmpty()) {
                FontMetrics fm = g.getFontMetrics();
                int lx = (int) (x + q[0] * scale);
                int ly = (int) Math.max(y + fm.getAscent(), y + q[1] * scale - 2);
                g.setColor(new Color(230, 30, 30));
                g.fillRect(lx, ly - fm.getAscent(), fm.stringWidth(p.label()) + 4, fm.getHeight());
                g.setColor(Color.WHITE);
                g.drawString(p.label(), lx + 2, ly);
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int ty = y + cellSize + PAD + LINE_HEIGHT - 3;
        for (String line : wrap(c.caption(), g.getFontMetrics())) {
            g.drawString(line, x, ty);
            ty += LINE_HEIGHT;
        }
    }

    private List<String> wrap(String text, FontMetrics fm) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(next) <= cellSize || line.length() == 0) {
                line.setLength(0);
                line.append(next);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > CAPTION_LINES) {
            List<String> cut = new ArrayList<>(lines.subList(0, CAPTION_LINES));
            cut.set(CAPTION_LINES - 1, cut.get(CAPTION_LINES - 1) + " …");
            return cut;
        }
        return lines;
    }

    /**
     * @param file the .png file, written atomically
     * @return the file
     */
    public Path save(Path file) {
        return new ImageView(toImage()).save(file);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SampleGrid[" + cells.size() + " samples]");
        for (Cell c : cells) {
            sb.append("\n  ")
                    .append(c.image().getWidth())
                    .append('x')
                    .append(c.image().getHeight())
                    .append(" \"")
                    .append(c.caption())
                    .append("\" words=")
                    .append(c.polygons().stream().map(Polygon::label).toList());
        }
        return sb.toString();
    }
}
