package org.parrotscope.kernel.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of the content of each message type the kernel handles, from the Jupyter messaging spec
 * (5.3): which fields are required and what JSON kind each field has. Extra fields are allowed (the spec
 * adds fields over versions). Checked before basekernel's Gson mapping, which would otherwise coerce
 * {@code "restart": "yes"} to {@code false} and so shut the kernel down on a garbled request.
 */
final class ContentSchema {
    private enum Kind {
        STRING,
        BOOLEAN,
        INTEGER,
        OBJECT
    }

    private record Field(Kind kind, boolean required) {}

    private static final Field CODE = new Field(Kind.STRING, true);
    private static final Field CURSOR = new Field(Kind.INTEGER, true);
    private static final Field COMM_ID = new Field(Kind.STRING, true);
    private static final Field DATA = new Field(Kind.OBJECT, false);

    private static final Map<String, Map<String, Field>> SCHEMAS = Map.ofEntries(
            Map.entry(
                    "execute_request",
                    Map.of(
                            "code", CODE,
                            "silent", opt(Kind.BOOLEAN),
                            "store_history", opt(Kind.BOOLEAN),
                            "user_expressions", opt(Kind.OBJECT),
                            "allow_stdin", opt(Kind.BOOLEAN),
                            "stop_on_error", opt(Kind.BOOLEAN))),
            Map.entry("inspect_request", Map.of("code", CODE, "cursor_pos", CURSOR, "detail_level", opt(Kind.INTEGER))),
            Map.entry("complete_request", Map.of("code", CODE, "cursor_pos", CURSOR)),
            Map.entry("is_complete_request", Map.of("code", CODE)),
            Map.entry(
                    "history_request",
                    Map.of(
                            "output", opt(Kind.BOOLEAN),
                            "raw", opt(Kind.BOOLEAN),
                            "hist_access_type", new Field(Kind.STRING, true),
                            "session", opt(Kind.INTEGER),
                            "start", opt(Kind.INTEGER),
                            "stop", opt(Kind.INTEGER),
                            "n", opt(Kind.INTEGER),
                            "pattern", opt(Kind.STRING),
                            "unique", opt(Kind.BOOLEAN))),
            Map.entry("comm_info_request", Map.of("target_name", opt(Kind.STRING))),
            Map.entry("kernel_info_request", Map.of()),
            Map.entry("shutdown_request", Map.of("restart", opt(Kind.BOOLEAN))),
            Map.entry("interrupt_request", Map.of()),
            Map.entry(
                    "comm_open",
                    Map.of(
                            "comm_id",
                            COMM_ID,
                            "target_name",
                            new Field(Kind.STRING, true),
                            "data",
                            DATA,
                            "target_module",
                            opt(Kind.STRING))),
            Map.entry("comm_msg", Map.of("comm_id", COMM_ID, "data", DATA)),
            Map.entry("comm_close", Map.of("comm_id", COMM_ID, "data", DATA)),
            Map.entry("input_reply", Map.of("value", new Field(Kind.STRING, true))));

    private ContentSchema() {}

    private static Field opt(Kind kind) {
        return new Field(kind, false);
    }

    /**
     * @param msgType a message type
     * @param content its content
     * @return what is wrong with the content, empty when it fits (or the type has no schema here)
     */
    static Optional<String> problem(String msgType, com.google.gson.JsonObject content) {
        Map<String, Field> schema = SCHEMAS.get(msgType);
        if (schema == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Field> f : schema.entrySet()) {
            JsonElement v = content.get(f.getKey());
            if (v == null || v.isJsonNull()) {
                if (f.getValue().required()) {
                    return Optional.of(msgType + " content has no " + f.getKey());
                }
            } else if (!fits(v, f.getValue().kind())) {
                return Optional.of(msgType + " content field " + f.getKey() + " is not "
                        + f.getValue().kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (msgType.equals("history_request")) {
            String access = content.get("hist_access_type").getAsString();
            if (!access.equals("range") && !access.equals("tail") && !access.equals("search")) {
                return Optional.of("history_request hist_access_type is not range, tail or search");
            }
        }
        return Optional.empty();
    }

    private static boolean fits(JsonElement v, Kind kind) {
        if (kind == Kind.OBJECT) {
            return v.isJsonObject();
        }
        if (!v.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = v.getAsJsonPrimitive();
        return switch (kind) {
            case STRING -> p.isString();
            case BOOLEAN -> p.isBoolean();
            case INTEGER -> p.isNumber() && isInt(p.getAsBigDecimal());
            case OBJECT -> false;
        };
    }

    private static boolean isInt(java.math.BigDecimal d) {
        try {
            d.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** @return whether the kernel knows this message type's content shape */
    static boolean known(String msgType) {
        return SCHEMAS.containsKey(msgType);
    }
}
