package org.parrotscope.viz;

/** HTML text escaping for captions and titles. */
final class Html {
    private Html() {}

    /**
     * @param s text
     * @return the text safe inside HTML elements and attribute values
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
