package org.creditkiosk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows between the kiosk's packages run one way (DESIGN.md §2): ui, ops and cli reach the session through app's
 * ports; app knows none of them; the assembly is the only place that knows every part. This reads every source
 * file's references to {@code org.creditkiosk.<package>} (imports and fully qualified names; sub-packages count as
 * their top package) and fails on any cycle between top-level packages, naming it and the files that close it.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/creditkiosk");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.creditkiosk\\.([a-z]+)\\.");

    /** from package -> to package -> one file that makes the arrow */
    private static Map<String, Map<String, String>> arrows() throws IOException {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(f).getName(0).toString();
                graph.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from)) {
                        graph.get(from).putIfAbsent(to, SOURCES.relativize(f).toString());
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void noCyclesBetweenPackages() throws IOException {
        Map<String, Map<String, String>> graph = arrows();
        assertThat(graph).containsKeys("app", "ui", "ops", "cli", "assembly", "session", "platform");
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                StringBuilder b = new StringBuilder(String.join(" <-> ", component) + ":");
                for (String from : component) {
                    graph.get(from).forEach((to, file) -> {
                        if (component.contains(to)) {
                            b.append("\n    ").append(from).append(" -> ").append(to).append(" (").append(file).append(')');
                        }
                    });
                }
                cycles.add(b.toString());
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void appKnowsNeitherTheScreensNorOpsNorTheCommandLine() throws IOException {
        Map<String, String> app = arrows().get("app");
        assertThat(app).doesNotContainKeys("ui", "ops", "cli", "assembly");
        assertThat(arrows().get("session")).doesNotContainKeys("app", "ui", "ops", "cli", "assembly");
        assertThat(arrows().get("ui")).doesNotContainKeys("cli", "assembly");
        assertThat(arrows().get("ops")).doesNotContainKeys("ui", "cli", "assembly");
    }

    /** Tarjan's algorithm. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
