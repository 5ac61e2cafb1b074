package org.parrotscope.kernel;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The dependencies and repositories of a POM, or of a loose fragment of one as pasted from a README
 * ({@code %%loadFromPOM}): every {@code <dependency>} and {@code <repository>} is collected wherever it
 * sits, except under {@code dependencyManagement}, plugins and {@code pluginRepositories}; {@code ${name}}
 * references to {@code <properties>} are substituted.
 *
 * @param dependencies the dependencies in document order
 * @param repositories the repositories in document order
 */
public record PomFragment(List<PomDependency> dependencies, List<Repository> repositories) {

    /**
     * One {@code <dependency>}.
     *
     * @param coordinates {@code groupId:artifactId[:type[:classifier]]:version}
     * @param scope the scope, {@code compile} when absent
     * @param exclusions {@code groupId:artifactId} pairs to leave out
     */
    public record PomDependency(String coordinates, String scope, List<String> exclusions) {
        /** Copies the exclusions. */
        public PomDependency {
            exclusions = List.copyOf(exclusions);
        }
    }

    /**
     * One {@code <repository>}.
     *
     * @param id its id
     * @param url its URL
     */
    public record Repository(String id, String url) {}

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Copies the lists. */
    public PomFragment {
        dependencies = List.copyOf(dependencies);
        repositories = List.copyOf(repositories);
    }

    /**
     * Parses a POM or POM fragment.
     *
     * @param xml a whole {@code <project>} or loose {@code <dependency>}/{@code <repository>} elements
     * @return the collected dependencies and repositories
     * @throws IllegalArgumentException when the text is not well-formed XML or a dependency lacks a part
     */
    public static PomFragment parse(String xml) {
        String text = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "");
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new InputSource(new StringReader("<fragment>" + text + "</fragment>")));
        } catch (Exception e) {
            throw new IllegalArgumentException("loadFromPOM: not well-formed XML: " + e.getMessage(), e);
        }
        Map<String, String> props = properties(doc);
        List<PomDependency> deps = new ArrayList<>();
        for (Element d : elements(doc, "dependency")) {
            if (under(d, "dependencyManagement", "plugin", "exclusions")) {
                continue;
            }
            String g = required(d, "groupId", props);
            String a = required(d, "artifactId", props);
            String v = required(d, "version", props);
            String type = child(d, "type", props);
            String classifier = child(d, "classifier", props);
            String coords =
                    g + ":" + a + (type != null || classifier != null ? ":" + (type == null ? "jar" : type) : "")
                            + (classifier != null ? ":" + classifier : "") + ":" + v;
            String scope = child(d, "scope", props);
            List<String> exclusions = new ArrayList<>();
            for (Element x : elements(d, "exclusion")) {
                exclusions.add(required(x, "groupId", props) + ":" + required(x, "artifactId", props));
            }
            deps.add(new PomDependency(coords, scope == null ? "compile" : scope, exclusions));
        }
        List<Repository> repos = new ArrayList<>();
        for (Element r : elements(doc, "repository")) {
            if (under(r, "pluginRepositories", "distributionManagement")) {
                continue;
            }
            repos.add(new Repository(required(r, "id", props), required(r, "url", props)));
        }
        return new PomFragment(deps, repos);
    }

    private static Map<String, String> properties(Document doc) {
        Map<String, String> props = new HashMap<>();
        for (Element p : elements(doc, "properties")) {
            NodeList kids = p.getChildNodes();
            for (int i = 0; i < kids.getLength(); i++) {
                if (kids.item(i) instanceof Element e) {
                    props.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        return props;
    }

    private static List<Element> elements(Node root, String tag) {
        NodeList nl =
                root instanceof Document d ? d.getElementsByTagName(tag) : ((Element) root).getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    private static boolean under(Element e, String... ancestors) {
        for (Node p = e.getParentNode(); p instanceof Element pe; p = p.getParentNode()) {
            for (String a : ancestors) {
                if (pe.getTagName().equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String child(Element e, String tag, Map<String, String> props) {
        NodeList kids = e.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element c && c.getTagName().equals(tag)) {
                return substitute(c.getTextContent().strip(), props);
            }
        }
        return null;
    }

    private static String required(Element e, String tag, Map<String, String> props) {
        String v = child(e, tag, props);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("loadFromPOM: a <" + e.getTagName() + "> has no <" + tag + ">");
        }
        return v;
    }

    private static String substitute(String s, Map<String, String> props) {
        Matcher m = PROPERTY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(sb).toString();
    }
}
