package dev.isolane.core.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.isolane.core.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apiguardian.api.API;

/**
 * Reads and writes the history file ({@code historyFile}). A file that is missing starts an empty history; one that
 * cannot be read, is not valid JSON or has another schema version gets a warning and is replaced at the end of the
 * run. Nothing about the history ever fails a build.
 */
@API(status = INTERNAL, since = "0.1")
public final class HistoryFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private HistoryFile() {}

    public static History read(Path file, RunLog log) {
        if (file == null) {
            return History.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return History.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot read the history file " + file + " (" + e + "); starting a new history, and it will"
                    + " be rewritten at the end of this run. Isolation learned from earlier runs is lost.");
            return History.empty();
        }
        try {
            return parse(text);
        } catch (WrongVersion e) {
            log.warn("The history file " + file + " has schema version " + e.found + ", but this Isolane reads"
                    + " version " + History.SCHEMA_VERSION + "; starting a new history, and it will be rewritten at"
                    + " the end of this run.");
            return History.empty();
        } catch (RuntimeException e) {
            // Gson reports bad shapes in several exception types; any of them means the same to the user.
            log.warn("The history file " + file + " is corrupt (" + e.getMessage() + "); starting a new history, and"
                    + " it will be rewritten at the end of this run. Isolation learned from earlier runs is lost.");
            return History.empty();
        }
    }

    static History parse(String text) {
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonObject()) {
            throw new JsonParseException("expected a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement version = object.get("schemaVersion");
        if (version == null || !version.isJsonPrimitive()) {
            throw new JsonParseException("no schemaVersion");
        }
        if (version.getAsInt() != History.SCHEMA_VERSION) {
            throw new WrongVersion(version.getAsString());
        }
        History history = GSON.fromJson(object, History.class);
        // Validate what Gson cannot: nested nulls a hand-edited file may hold, and kinds this version does not know
        // (Gson reads an unknown enum name as null).
        history.classes().forEach((name, entry) -> {
            if (name == null || entry == null || entry.changedState().stream().anyMatch(c -> c == null
                    || c.kind() == null || c.target() == null)) {
                throw new JsonParseException("an entry for class " + name + " is incomplete");
            }
        });
        return history;
    }

    /** Write the history; a write that fails is the caller's to warn about. */
    public static void write(Path file, History history) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, GSON.toJson(history), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static final class WrongVersion extends RuntimeException {
        final String found;

        WrongVersion(String found) {
            super("schema version " + found, null, false, false);
            this.found = found;
        }
    }
}
