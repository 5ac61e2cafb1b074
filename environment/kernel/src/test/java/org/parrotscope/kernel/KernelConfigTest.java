package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelConfigTest {

    @Test
    void timeout_isMillisecondsOrCountAndUnit() {
        assertEquals(Optional.of(Duration.ofMillis(5000)), KernelConfig.parseTimeout("5000"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), KernelConfig.parseTimeout("30 SECONDS"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), KernelConfig.parseTimeout(" 2 minutes "));
    }

    @Test
    void timeoutBelowOneOrAbsent_meansNone() {
        assertEquals(Optional.empty(), KernelConfig.parseTimeout("-1"));
        assertEquals(Optional.empty(), KernelConfig.parseTimeout("0"));
        assertEquals(Optional.empty(), KernelConfig.parseTimeout(null));
    }

    @Test
    void badTimeout_isRejectedWithTheValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KernelConfig.parseTimeout("soon"));
        assertEquals(true, e.getMessage().contains("soon"));
    }

    @Test
    void ijavaVariables_areRead() {
        KernelConfig c = KernelConfig.fromEnv(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + " lib/* ",
                "IJAVA_COMPILER_OPTS", "-parameters  -Xlint:none",
                "IJAVA_STARTUP_SCRIPTS_PATH", "init.jshell",
                "IJAVA_STARTUP_SCRIPT", "int z = 1;",
                "IJAVA_TIMEOUT", "1 HOURS"));
        assertEquals(List.of("a.jar", "lib/*"), c.classpath());
        assertEquals(List.of("-parameters", "-Xlint:none"), c.compilerOptions());
        assertEquals(List.of("init.jshell"), c.startupScripts());
        assertEquals("int z = 1;", c.startupScript());
        assertEquals(Optional.of(Duration.ofHours(1)), c.timeout());
    }
}
