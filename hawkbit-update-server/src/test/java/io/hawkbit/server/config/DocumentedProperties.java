package io.hawkbit.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code hawkbit.*} rows of a Markdown document's property tables: tables whose first header cell starts with
 * "property", optionally with a name prefix in the header ({@code property (`hawkbit.server.security.` …)}).
 */
final class DocumentedProperties {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** One documented name: the row's line, the full property name, and its default cell (null without a column). */
    record Row(int line, String name, String defaultCell) {}

    private DocumentedProperties() {}

    static List<Row> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!isTableLine(lines.get(i)) || !lines.get(i + 1).trim().startsWith("|---")) {
                continue;
            }
            List<String> header = cells(lines.get(i));
            String first = header.get(0).toLowerCase(Locale.ROOT);
            int defaultColumn = header.stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList()
                    .indexOf("default");
            int row = i + 2;
            for (; row < lines.size() && isTableLine(lines.get(row)); row++) {
                if (!first.startsWith("property")) {
                    continue;
                }
                List<String> cells = cells(lines.get(row));
                String defaultCell =
                        defaultColumn >= 0 && defaultColumn < cells.size() ? cells.get(defaultColumn) : null;
                for (String name : names(prefix(header.get(0)), cells.get(0))) {
                    if (name.startsWith("hawkbit.")) {
                        rows.add(new Row(row + 1, name, defaultCell));
                    }
                }
            }
            i = row - 1;
        }
        return rows;
    }

    private static boolean isTableLine(String line) {
        return line.trim().startsWith("|");
    }

    private static String prefix(String headerCell) {
        Matcher code = CODE.matcher(headerCell);
        return code.find() ? code.group(1) : "";
    }

    /** The names in a first cell: each code span, a span starting with '.' relative to the previous name's parent. */
    private static List<String> names(String prefix, String cell) {
        List<String> names = new ArrayList<>();
        String previous = null;
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String span = code.group(1).trim();
            String name = span.startsWith(".") && previous != null
                    ? previous.substring(0, previous.lastIndexOf('.')) + span
                    : prefix + span;
            names.add(name);
            previous = name;
        }
        return names;
    }

    /** The cells of a table line, split at '|' outside code spans (a '\|' is no separator either). */
    private static List<String> cells(String line) {
        String body = line.trim();
        body = body.substring(1, body.endsWith("|") && body.length() > 1 ? body.length() - 1 : body.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|' && !inCode) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                if (c == '`') {
                    inCode = !inCode;
                }
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
