package org.parrotscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void param_systemPropertyOverridesDefault() {
        String name = "PARROTSCOPE_PARAMS_TEST_" + System.nanoTime();
        assertEquals("12", Params.param(name, 12));
        System.setProperty(name, "7");
        try {
            assertEquals("7", Params.param(name, 12));
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void param_environmentWinsOverSystemProperty() {
        // PATH is set in any test environment; a system property of the same name must not shadow it.
        System.setProperty("PATH", "not-the-path");
        try {
            assertEquals(System.getenv("PATH"), Params.param("PATH", "x"));
        } finally {
            System.clearProperty("PATH");
        }
    }
}
