package restock.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV in and out through Apache Commons CSV (RFC 4180: commas, double quotes, CRLF or LF). Reading skips a UTF-8
 * byte order mark, as Excel's "CSV UTF-8" writes one, and keeps each record's first line number, so errors point
 * at the right line even after a quoted value that spans lines. Writing starts with a byte order mark, so Excel
 * opens "Café" as written.
 */
public final class Csv {
    /** What Excel writes first in a "CSV UTF-8" file, and needs to read one as UTF-8. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Why a file could not be read when it is not UTF-8 (Excel's plain "CSV" is Windows-1252), and what to do. */
    public static final String NOT_UTF_8 = "it is not UTF-8 text; save it as \"CSV UTF-8\" and try again.";
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private Csv() {
    }

    /** One record and the line of the file it starts on (the header is line 1). */
    public record Line(int lineNumber, List<String> cells) {
    }

    /** Every record of the file, a byte order mark skipped. */
    public static List<Line> parse(Reader reader) throws IOException {
        Reader input = withoutByteOrderMark(reader);
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = READ.parse(input)) {
            long linesBefore = 0;
            for (CSVRecord record : parser) {
                lines.add(new Line(Math.toIntExact(linesBefore + 1), record.toList()));
                linesBefore = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return lines;
    }

    /** A file's text read as UTF-8 from after its byte order mark, if it has one. */
    public static Reader open(Path file) throws IOException {
        return withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** The text after a byte order mark, or all of it when it starts without one. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader input = new PushbackReader(reader, 1);
        int first = input.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            input.unread(first);
        }
        return input;
    }

    /** A printer that writes the byte order mark, then the header row. */
    public static CSVPrinter printer(Writer out, String... header) throws IOException {
        out.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        printer.printRecord((Object[]) header);
        return printer;
    }
}
