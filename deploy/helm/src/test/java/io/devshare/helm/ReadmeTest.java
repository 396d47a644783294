package io.devshare.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's README documents every value of values.yaml with its real default (rows "| `key` | `json` | … |";
 * "{@code <component>.key}" rows stand for all five services; the console's rows are its own). Regenerate with
 * deploy/helm/tools/values-table.py.
 */
class ReadmeTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]*)` \\|");
    private static final String COMPONENT = "<component>";

    @Test
    void everyValueIsInTheParameterTableWithItsDefault() throws IOException {
        JsonNode values = Values.read(Chart.dir().resolve("values.yaml"));
        Map<String, JsonNode> rows = rows();
        List<String> problems = new ArrayList<>();
        for (String leaf : Values.leaves(values).keySet()) {
            String row = documentingRow(leaf, rows);
            if (row == null) {
                problems.add(leaf + ": no row");
                continue;
            }
            // The documented default is the value's (for a <component> row: this component's).
            String documented =
                    row.startsWith(COMPONENT) ? leaf.split("\\.")[0] + row.substring(COMPONENT.length()) : row;
            JsonNode actual = Values.at(values, documented);
            if (!rows.get(row).equals(actual)) {
                problems.add(documented + ": README says " + rows.get(row) + ", values.yaml has " + actual);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRowNamesAValueThatExists() throws IOException {
        JsonNode values = Values.read(Chart.dir().resolve("values.yaml"));
        List<String> stale = new ArrayList<>();
        for (String row : rows().keySet()) {
            List<String> paths = row.startsWith(COMPONENT)
                    ? Chart.SERVICES.keySet().stream()
                            .map(k -> k + row.substring(COMPONENT.length()))
                            .toList()
                    : List.of(row);
            paths.stream().filter(p -> Values.at(values, p) == null).forEach(stale::add);
        }
        assertThat(stale).isEmpty();
        assertThat(rows()).hasSizeGreaterThan(100);
    }

    /** The row of a leaf itself or of its nearest ancestor, exact or as a {@code <component>} row. */
    private static String documentingRow(String leaf, Map<String, JsonNode> rows) {
        String[] parts = leaf.split("\\.");
        for (int n = parts.length; n > 0; n--) {
            String path = String.join(".", List.of(parts).subList(0, n));
            if (rows.containsKey(path)) {
                return path;
            }
            if (Chart.SERVICES.containsKey(parts[0])) {
                String general = COMPONENT + path.substring(parts[0].length());
                if (rows.containsKey(general)) {
                    return general;
                }
            }
        }
        return null;
    }

    private static Map<String, JsonNode> rows() throws IOException {
        String readme = Files.readString(Chart.dir().resolve("README.md"));
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            JsonNode previous = rows.put(m.group(1), json.readTree(m.group(2)));
            assertThat(previous).as("row %s appears twice", m.group(1)).isNull();
        }
        return rows;
    }
}
