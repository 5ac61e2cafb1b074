package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PomFragmentTest {

    @Test
    void looseFragment_collectsDependenciesAndRepositories() {
        PomFragment p = PomFragment.parse("""
                <repository><id>snap</id><url>https://example.org/snap/</url></repository>
                <dependency>
                  <groupId>g</groupId><artifactId>a</artifactId><version>1.0</version>
                  <exclusions><exclusion><groupId>x</groupId><artifactId>y</artifactId></exclusion></exclusions>
                </dependency>
                <dependency><groupId>g</groupId><artifactId>t</artifactId><version>2</version>
                  <scope>test</scope></dependency>
                """);
        assertEquals(
                List.of(
                        new PomFragment.PomDependency("g:a:1.0", "compile", List.of("x:y")),
                        new PomFragment.PomDependency("g:t:2", "test", List.of())),
                p.dependencies());
        assertEquals(List.of(new PomFragment.Repository("snap", "https://example.org/snap/")), p.repositories());
    }

    @Test
    void wholeProject_substitutesPropertiesAndSkipsManagementAndPlugins() {
        PomFragment p = PomFragment.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project>
                  <properties><v>3.1</v></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>m</groupId><artifactId>managed</artifactId><version>9</version></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>g</groupId><artifactId>a</artifactId><version>${v}</version>
                      <classifier>linux</classifier></dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies>
                    <dependency><groupId>p</groupId><artifactId>plug</artifactId><version>1</version></dependency>
                  </dependencies></plugin></plugins></build>
                </project>
                """);
        assertEquals(
                List.of(new PomFragment.PomDependency("g:a:jar:linux:3.1", "compile", List.of())), p.dependencies());
    }

    @Test
    void dependencyWithoutVersion_isRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PomFragment.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>"));
        assertEquals(true, e.getMessage().contains("<version>"), e.getMessage());
    }
}
