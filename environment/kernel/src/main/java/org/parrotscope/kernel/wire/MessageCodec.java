package org.parrotscope.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.adapters.HeaderAdapter;
import io.github.spencerpark.jupyter.messages.adapters.HistoryRequestAdapter;
import io.github.spencerpark.jupyter.messages.adapters.KernelTimestampAdapter;
import io.github.spencerpark.jupyter.messages.adapters.MessageTypeAdapter;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.lang.reflect.Type;
import java.util.Map;

/** Turns a checked {@link WireMessage} into basekernel's {@link Message}, with basekernel's own adapters. */
final class MessageCodec {
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();

    private MessageCodec() {}

    /**
     * The message with its content left out, enough to address a reply or a status.
     *
     * @param w a checked message
     * @return a message whose content is null
     * @throws MalformedMessageException when a header cannot be read
     */
    static Message<Object> envelope(WireMessage w) throws MalformedMessageException {
        return build(w, null);
    }

    /**
     * @param w a checked message whose content fits {@link ContentSchema}
     * @param type its type
     * @return the full message
     * @throws MalformedMessageException when Gson cannot map the content to the type's class
     */
    static Message<Object> decode(WireMessage w, MessageType<?> type) throws MalformedMessageException {
        Object content;
        try {
            content = GSON.fromJson(w.content(), type.getContentType());
        } catch (RuntimeException e) { // Gson's JsonParseException, or whatever a basekernel adapter throws
            throw new MalformedMessageException(type.getName() + " content does not map: " + e.getMessage());
        }
        return build(w, content);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<Object> build(WireMessage w, Object content) throws MalformedMessageException {
        Header header = header(w.header(), "header");
        Header parent = w.parentHeader().size() == 0 ? null : header(w.parentHeader(), "parent_header");
        Map<String, Object> metadata = GSON.fromJson(w.metadata(), MAP);
        return new Message(w.identities(), header, parent, metadata, content, w.buffers());
    }

    // basekernel's HeaderAdapter needs username, session and version; ipykernel requires only msg_id and
    // msg_type, so the others default to empty (the reply's parent_header echoes them).
    private static Header<?> header(JsonObject h, String part) throws MalformedMessageException {
        JsonObject copy = h.deepCopy();
        for (String f : new String[] {"msg_id", "msg_type", "username", "session", "version"}) {
            JsonElement v = copy.get(f);
            if (v == null || v.isJsonNull()) {
                if (f.startsWith("msg_")) {
                    throw new MalformedMessageException(part + " has no " + f);
                }
                copy.addProperty(f, "");
            } else if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new MalformedMessageException(part + " " + f + " is not a string");
            }
        }
        JsonElement date = copy.get("date");
        if (date != null
                && !(date.isJsonPrimitive() && date.getAsJsonPrimitive().isString())) {
            copy.remove("date");
        }
        try {
            return GSON.fromJson(copy, Header.class);
        } catch (RuntimeException e) { // HeaderAdapter and KernelTimestamp throw whatever they meet
            throw new MalformedMessageException(part + " cannot be read: " + e.getMessage());
        }
    }
}
