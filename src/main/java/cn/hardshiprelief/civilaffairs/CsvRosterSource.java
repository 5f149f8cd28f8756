package cn.hardshiprelief.civilaffairs;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A roster saved as CSV: comma-separated, double quotes around values that need them (RFC 4180, as Excel writes it),
 * in UTF-8 with or without a byte order mark, or in GB18030 (which includes GBK and GB2312), what Excel's
 * "CSV (逗号分隔)" writes on a Chinese Windows. The encoding is decided by reading the whole file once: UTF-8 if every
 * byte sequence is valid UTF-8, else GB18030 if every one is valid there; a file that is neither is refused with the
 * line of its first bad bytes, instead of being read as mojibake.
 */
final class CsvRosterSource implements RosterSource {

    static final Charset GB18030 = Charset.forName("GB18030");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            // blank lines are records too, so that line numbers stay those of the file; they are skipped below
            .setIgnoreEmptyLines(false)
            .get();

    private final Path file;
    private Charset charset;

    CsvRosterSource(Path file) {
        this.file = file;
    }

    /**
     * The file's encoding, found by reading it once.
     * @throws UnreadableRosterException if the file is neither UTF-8 nor GB18030
     */
    Charset charset() throws IOException {
        if (charset == null) {
            OptionalInt badUtf8Line = firstUndecodableLine(file, StandardCharsets.UTF_8);
            if (badUtf8Line.isEmpty()) {
                charset = StandardCharsets.UTF_8;
            } else if (firstUndecodableLine(file, GB18030).isEmpty()) {
                charset = GB18030;
            } else {
                throw new UnreadableRosterException(RosterProblem.of(badUtf8Line.getAsInt(), null,
                        "civilaffairs.problem.wrongEncoding"), null);
            }
        }
        return charset;
    }

    @Override
    public void read(Rows rows) throws IOException {
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, charset()));
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            long endOfPrevious = 0;
            try {
                for (CSVRecord record : parser) {
                    int line = Math.toIntExact(endOfPrevious + 1);
                    endOfPrevious = parser.getCurrentLineNumber();
                    List<RosterCell> cells = new ArrayList<>(record.size());
                    for (String value : record) {
                        cells.add(RosterCell.text(value));
                    }
                    if (!RosterSource.allBlank(cells)) {
                        rows.row(line, cells);
                    }
                }
            } catch (UncheckedIOException e) {
                // Commons CSV reports an unclosed quote this way: everything after it would be one value
                throw new UnreadableRosterException(RosterProblem.of(Math.toIntExact(endOfPrevious + 1), null,
                        "civilaffairs.problem.brokenCsv"), e);
            }
        }
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The line (1-based) holding the first bytes that are not valid in the charset, or empty if all are. */
    static OptionalInt firstUndecodableLine(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        int line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    in.position(in.position() + read);
                }
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, end);
                    line += newlines(out);
                    if (result.isError()) {
                        return OptionalInt.of(line);
                    }
                } while (result.isOverflow());
                in.compact();
            }
            CoderResult flushed = decoder.flush(out);
            line += newlines(out);
            return flushed.isError() ? OptionalInt.of(line) : OptionalInt.empty();
        } catch (CharacterCodingException e) {
            return OptionalInt.of(line);
        }
    }

    private static int newlines(CharBuffer out) {
        out.flip();
        int count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
