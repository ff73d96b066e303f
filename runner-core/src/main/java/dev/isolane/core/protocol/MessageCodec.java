package dev.isolane.core.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns messages into JSON envelopes and back; both ends of the channel use this one class.
 *
 * <pre>{"v":1,"type":"class-started","body":{...}}</pre>
 */
public final class MessageCodec {

    /** Bump on any change a peer of the previous version would misread. */
    public static final int PROTOCOL_VERSION = 1;

    private static final Map<Class<?>, String> TYPE_BY_CLASS = new HashMap<>();
    private static final Map<String, Class<? extends Message>> CLASS_BY_TYPE = new HashMap<>();

    static {
        for (Class<?> permitted : Message.class.getPermittedSubclasses()) {
            String type = kebabCase(permitted.getSimpleName());
            TYPE_BY_CLASS.put(permitted, type);
            CLASS_BY_TYPE.put(type, permitted.asSubclass(Message.class));
        }
    }

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    public byte[] encode(Message message) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("v", PROTOCOL_VERSION);
        envelope.addProperty("type", TYPE_BY_CLASS.get(message.getClass()));
        envelope.add("body", gson.toJsonTree(message));
        return gson.toJson(envelope).getBytes(StandardCharsets.UTF_8);
    }

    public Message decode(byte[] json) throws ProtocolException {
        JsonObject envelope;
        try {
            JsonElement parsed = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw new ProtocolException("expected a JSON object envelope, got: " + abbreviate(json));
            }
            envelope = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ProtocolException("not a JSON message: " + abbreviate(json), e);
        }
        JsonElement version = envelope.get("v");
        if (version == null || !version.isJsonPrimitive() || version.getAsInt() != PROTOCOL_VERSION) {
            throw new ProtocolException("protocol version " + version + " received, but this side speaks version "
                    + PROTOCOL_VERSION + ": the worker and the coordinator come from different Isolane versions;"
                    + " use the same Isolane version for the plugin and the junit-extension");
        }
        JsonElement type = envelope.get("type");
        Class<? extends Message> messageClass = type == null ? null : CLASS_BY_TYPE.get(type.getAsString());
        if (messageClass == null) {
            throw new ProtocolException("unknown message type " + type + "; known types: " + CLASS_BY_TYPE.keySet());
        }
        try {
            Message message = gson.fromJson(envelope.get("body"), messageClass);
            if (message == null) {
                throw new ProtocolException("message of type " + type + " has no body");
            }
            return message;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException("malformed " + type + " message: " + e.getMessage(), e);
        }
    }

    private static String kebabCase(String simpleName) {
        return simpleName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
