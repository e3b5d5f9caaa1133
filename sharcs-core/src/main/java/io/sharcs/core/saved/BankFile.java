package io.sharcs.core.saved;

import io.sharcs.api.InvalidInputException;
import io.sharcs.core.eval.ConceptBank;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A retrieval bank as one binary file, exact to the bit: the ASCII magic {@code SHARCSBANK}, a
 * format version (int), the number of rows and the width (ints), then per row the sample id
 * (modified UTF-8, {@link DataOutputStream#writeUTF}) and its {@code width} float32 values. All
 * numbers are big-endian, as {@link DataOutputStream} writes them; floats are written by their
 * IEEE bits, so every value, NaN payloads included, reads back identical.
 */
public final class BankFile {

  /** The file name suffix: {@code <modality>.bank}. */
  public static final String SUFFIX = ".bank";
  /** The format version written and read. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "SHARCSBANK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private BankFile() {}

  /** The bank file of {@code modality}. */
  public static String name(String modality) {
    return modality + SUFFIX;
  }

  /** Writes {@code bank} to {@code file}. */
  public static void write(ConceptBank bank, Path file) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(bank.size());
      out.writeInt(bank.width());
      for (int r = 0; r < bank.size(); r++) {
        out.writeUTF(bank.id(r));
        for (float v : bank.get(r)) {
          out.writeInt(Float.floatToRawIntBits(v));
        }
      }
    }
  }

  /**
   * Reads a bank written by {@link #write}.
   *
   * @throws InvalidInputException naming the file when it is missing, of another format or
   *     version, truncated, or has bytes left over
   */
  public static ConceptBank read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidInputException(file + ": not a sharcs retrieval bank (wrong magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new InvalidInputException(
            file + ": bank format version " + version + ", this sharcs reads version " + VERSION);
      }
      int rows = in.readInt();
      int width = in.readInt();
      if (rows < 1 || width < 1) {
        throw new InvalidInputException(
            file + ": " + rows + " rows of width " + width + ", expected both >= 1");
      }
      // Each row takes at least its floats and a two-byte id length: a corrupt header must not
      // allocate more than the file can hold.
      if ((long) rows * (2L + 4L * width) > Files.size(file)) {
        throw new InvalidInputException(
            file + ": header promises " + rows + " rows of width " + width + " but the file has "
                + Files.size(file) + " bytes");
      }
      List<String> ids = new ArrayList<>(rows);
      float[][] vectors = new float[rows][width];
      for (int r = 0; r < rows; r++) {
        ids.add(in.readUTF());
        for (int j = 0; j < width; j++) {
          vectors[r][j] = Float.intBitsToFloat(in.readInt());
        }
      }
      if (in.read() != -1) {
        throw new InvalidInputException(file + ": bytes after the last row, expected none");
      }
      return new ConceptBank(vectors, ids);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + ": file not found, expected a retrieval bank");
    } catch (EOFException e) {
      throw new InvalidInputException(file + ": truncated, expected a complete retrieval bank");
    }
  }
}
