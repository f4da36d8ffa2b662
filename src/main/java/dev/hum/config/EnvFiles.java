package dev.hum.config;

import dev.hum.config.Node.Kind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code env_file}: one path or a list, relative to the configuration file, parsed as the Procfile's .env. */
final class EnvFiles {

    private EnvFiles() {}

    /** The variables of every file named by {@code node}, later files winning. */
    static Map<String, String> read(Schema schema, Node node) throws ConfigException {
        ConfigFile file = schema.file();
        List<Node> items = new ArrayList<>();
        if (node instanceof Node.Sequence list) {
            items.addAll(list.items());
        } else if (!(node instanceof Node.Scalar s && s.kind() == Kind.NULL)) {
            items.add(node);
        }
        var env = new LinkedHashMap<String, String>();
        for (Node item : items) {
            String text = schema.string(item, "a path to a .env file, or a list of them");
            if (text.isBlank()) {
                throw file.error(item.mark(), "empty 'env_file'; expected a path to a .env file");
            }
            Path path;
            try {
                path = file.folder().resolve(text).normalize();
            } catch (InvalidPathException e) {
                throw file.error(item.mark(), "invalid path '" + ProcessName.printable(text) + "'");
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw file.error(item.mark(), "env_file '" + text + "' does not exist (" + path + ")");
            }
            env.putAll(DotEnv.parse(ConfigFile.of(path), null));
        }
        return env;
    }

    /** {@code base} under {@code own}: the process's own variables win. */
    static Map<String, String> under(Map<String, String> base, Map<String, String> own) {
        if (base.isEmpty()) {
            return own;
        }
        var merged = new LinkedHashMap<String, String>(base);
        merged.putAll(own);
        return merged;
    }
}
