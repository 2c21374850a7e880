package dev.loopbench.tools.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads and writes {@code RUN.meta.json}: a flat JSON object whose values are all strings. */
public final class MetadataFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private MetadataFile() {
    }

    public static void write(Path file, RunMetadata metadata) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, GSON.toJson(metadata.asMap()) + System.lineSeparator());
    }

    /** The metadata in that file, or empty when there is no such file: metadata is optional. */
    public static Optional<RunMetadata> readIfPresent(Path file) throws ResultFileException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = JsonParser.parseReader(reader);
        } catch (IOException e) {
            throw new ResultFileException(file, "cannot be read: " + e, e);
        } catch (JsonParseException e) {
            throw new ResultFileException(file, "is not valid JSON; expected the flat object the metadata command writes", e);
        }
        if (!root.isJsonObject()) {
            throw new ResultFileException(file, "is not run metadata: expected a flat JSON object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
            if (!e.getValue().isJsonPrimitive()) {
                throw new ResultFileException(file, "is not run metadata: " + e.getKey() + " is not a string");
            }
            values.put(e.getKey(), e.getValue().getAsString());
        }
        return Optional.of(RunMetadata.fromMap(values));
    }
}
