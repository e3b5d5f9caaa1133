package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How config records hold file paths: a {@link Path} field is written in a file as a plain path
 * string, and a relative one is resolved, when the config is bound, against the folder that the
 * binding names with the {@link #BASE_DIRECTORY} attribute (the experiment file's folder). So no
 * base directory has to travel with a config to where the file is opened.
 */
final class PathModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The binding attribute holding the folder relative paths resolve against. */
  static final String BASE_DIRECTORY = "sharcs.baseDirectory";

  PathModule() {
    super("sharcs-paths");
    addDeserializer(Path.class, new Reader());
    addSerializer(Path.class, new Writer());
  }

  private static final class Reader extends StdDeserializer<Path> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(Path.class);
    }

    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Path) ctxt.handleUnexpectedToken(Path.class, p);
      }
      String text = p.getText();
      Path path;
      try {
        path = Path.of(text);
      } catch (InvalidPathException e) {
        return (Path) ctxt.handleWeirdStringValue(Path.class, text, "not a valid path");
      }
      Object base = ctxt.getAttribute(BASE_DIRECTORY);
      if (base instanceof Path dir && !path.isAbsolute() && !text.isBlank()) {
        return dir.resolve(path).toAbsolutePath().normalize();
      }
      return path;
    }
  }

  private static final class Writer extends StdSerializer<Path> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(Path.class);
    }

    @Override
    public void serialize(Path value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }
}
