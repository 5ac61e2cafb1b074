package org.parrotscope.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SampleGridTest {

    private static BufferedImage blank(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void gridSize_followsColumnsCellsAndCaptionArea() {
        SampleGrid grid = SampleGrid.builder()
                .optColumns(4)
                .optCellSize(64)
                .add(blank(100, 100, Color.BLUE), "a", List.of())
                .add(blank(50, 100, Color.GREEN), "b", List.of())
                .build();
        BufferedImage img = grid.toImage();
        // 2 cells in one row: 6 + 2 * (64 + 6) wide; 6 + (64 + 6 + 3 * 15 + 6) high.
        assertEquals(146, img.getWidth());
        assertEquals(127, img.getHeight());
        assertEquals(Color.BLUE.getRGB(), img.getRGB(6 + 32, 6 + 32));
    }

    @Test
    void polygon_isDrawnScaledOntoTheImage() {
        // A 200x200 image into a 100 px cell: scale 1/2, so the quad's top edge y=100 lands at y=6+50.
        float[] quad = {20, 100, 180, 100, 180, 160, 20, 160};
        BufferedImage img = SampleGrid.builder()
                .optCellSize(100)
                .add(blank(200, 200, Color.WHITE), "caption", List.of(new SampleGrid.Polygon("", quad)))
                .build()
                .toImage();
        Color onEdge = new Color(img.getRGB(6 + 50, 6 + 50));
        assertTrue(onEdge.getRed() > 200 && onEdge.getGreen() < 80, "red edge, got " + onEdge);
        Color inside = new Color(img.getRGB(6 + 50, 6 + 65));
        assertEquals(Color.WHITE, inside);
    }

    @Test
    void rendersAsPng() throws Exception {
        SampleGrid grid = SampleGrid.builder()
                .add(blank(40, 30, Color.RED), "x", List.of())
                .build();
        DisplayData d = new Renderer().render(grid);
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(grid.toImage().getWidth(), back.getWidth());
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).startsWith("SampleGrid[1 samples]"));
    }

    @Test
    void quadWithWrongLength_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SampleGrid.Polygon("w", new float[6]));
    }
}
