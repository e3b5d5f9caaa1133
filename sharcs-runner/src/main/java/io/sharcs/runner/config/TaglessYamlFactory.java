package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A {@link YAMLFactory} whose parsers reject every explicit YAML tag ({@code !!str}, {@code
 * !!java.lang.Runtime}, {@code !local}, the non-specific {@code !}) on keys, values, mappings and
 * lists with a {@link TagException} naming the field. Jackson never instantiates a class from a
 * tag, but it drops the tag silently: the value the user sees is not the value that is bound.
 * Every YAML the runner reads goes through {@link ConfigMappers#yaml()}, hence through here.
 */
final class TaglessYamlFactory extends YAMLFactory {

  private static final long serialVersionUID = 1L;

  private static final String CORE_PREFIX = "tag:yaml.org,2002:";

  TaglessYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  private TaglessYamlFactory(TaglessYamlFactory source, ObjectCodec codec) {
    super(source, codec);
  }

  @Override
  public YAMLFactory copy() {
    return new TaglessYamlFactory(this, null);
  }

  @Override
  protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
    return parser(ctxt, _createReader(in, null, ctxt));
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    return parser(ctxt, r);
  }

  @Override
  protected YAMLParser _createParser(
      char[] data, int offset, int len, IOContext ctxt, boolean recyclable) throws IOException {
    return parser(ctxt, new CharArrayReader(data, offset, len));
  }

  @Override
  protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
      throws IOException {
    return parser(ctxt, _createReader(data, offset, len, null, ctxt));
  }

  private YAMLParser parser(IOContext ctxt, Reader reader) {
    return new Parser(
        ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
  }

  /** An explicit tag in the YAML: {@link #path()} is where, {@link #tag()} as written. */
  public static final class TagException extends JsonParseException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String tag;

    TagException(YAMLParser parser, String path, String tag) {
      super(parser, "found the YAML tag " + tag + (path.isEmpty() ? "" : " at " + path)
          + ", expected a plain value (tags are not supported)");
      this.path = path;
      this.tag = tag;
    }

    /** The field path of the tagged node ({@code training.phases[0].epochs}), empty at the top. */
    public String path() {
      return path;
    }

    /** The tag as written, e.g. {@code !!java.lang.Runtime}. */
    public String tag() {
      return tag;
    }

    /** What {@link InputError} says after the path. */
    public String problem() {
      return "found the YAML tag " + tag + ", expected a plain value (tags are not supported)";
    }
  }

  private static final class Parser extends YAMLParser {

    Parser(IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions options,
        ObjectCodec codec, Reader reader) {
      super(ctxt, parserFeatures, yamlFeatures, options, codec, reader);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      // The first tag met is always the node's own: Jackson may repeat a collection's tag on the
      // key that follows it, but the collection came first.
      if (t != null && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
        String tag = getTypeId();
        if (tag != null) {
          boolean start = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
          JsonStreamContext context = getParsingContext();
          throw new TagException(this, path(start ? context.getParent() : context), written(tag));
        }
      }
      return t;
    }
  }

  /** {@code training.phases[0].epochs} for the value at {@code context}'s current position. */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        parts.addFirst(c.getCurrentName() == null ? "" : "." + c.getCurrentName());
      } else if (c.inArray()) {
        parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  /** The tag as the user wrote it (Jackson strips the {@code !} and expands {@code !!}). */
  static String written(String tag) {
    if (tag.startsWith(CORE_PREFIX)) {
      return "!!" + tag.substring(CORE_PREFIX.length());
    }
    if (tag.isEmpty()) {
      return "!";
    }
    return tag.contains(":") ? "!<" + tag + ">" : "!" + tag;
  }
}
