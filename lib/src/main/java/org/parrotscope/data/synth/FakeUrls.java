package org.parrotscope.data.synth;

import java.util.SplittableRandom;

/**
 * Plausible but fake source URLs for mini-LAION samples. Hosts use the reserved {@code .example} top-level
 * domain (RFC 2606), so nothing ever resolves to a real site.
 */
final class FakeUrls {

    private static final String[] HOSTS = {
        "cdn.pictohub.example", "images.shopfront.example", "media.blogspace.example", "static.stockpix.example",
        "i.pinboard.example", "assets.clipartzone.example", "img.marketplace.example", "uploads.newsdaily.example",
    };
    private static final String[] PATHS = {
        "wp-content/uploads/{y}/{m}",
        "products/large",
        "photos/{y}",
        "images/thumbs",
        "media/catalog/product/{a}/{b}",
        "i",
    };

    private FakeUrls() {}

    /**
     * @param r the URL random source
     * @param scene the scene, for a descriptive slug
     * @param ext the image extension
     * @return a URL such as {@code https://cdn.pictohub.example/photos/2019/red-car-48213.jpg}
     */
    static String url(SplittableRandom r, Scene scene, String ext) {
        String host = HOSTS[r.nextInt(HOSTS.length)];
        String path = PATHS[r.nextInt(PATHS.length)]
                .replace("{y}", Integer.toString(2010 + r.nextInt(14)))
                .replace("{m}", String.format("%02d", 1 + r.nextInt(12)))
                .replace("{a}", Character.toString('a' + r.nextInt(26)))
                .replace("{b}", Character.toString('a' + r.nextInt(26)));
        String slug = r.nextBoolean()
                ? scene.color().name() + "-" + scene.className() + "-" + (10000 + r.nextInt(90000))
                : Long.toHexString(r.nextLong() & 0xFFFFFFFFFFFFL);
        return "https://" + host + "/" + path + "/" + slug + "." + ext;
    }
}
