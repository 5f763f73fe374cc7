package org.creditkiosk.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The soak's handle on a {@link PlatformProcess}: same Java, same class path, a line protocol over its stdin. */
final class RemotePlatform implements Soak.PlatformControl, AutoCloseable {

    private final Process process;
    private final PrintWriter out;
    private final BufferedReader in;
    private final String url;

    RemotePlatform(String kioskId, Path secretFile, List<String> jvmOptions) throws IOException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        String logback = System.getProperty("logback.configurationFile", "");
        if (!logback.isEmpty()) {
            cmd.add("-Dlogback.configurationFile=" + logback);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PlatformProcess.class.getName(), kioskId,
                secretFile.toString()));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null || !first.startsWith("url ")) {
            process.destroyForcibly();
            throw new IOException("the platform process did not start: " + first);
        }
        url = first.substring(4);
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    private synchronized String ask(String command) {
        out.println(command);
        try {
            String answer = in.readLine();
            if (answer == null) {
                throw new IllegalStateException("the platform process ended");
            }
            return answer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void injectNextFault(String spec) {
        ask("fault " + spec);
    }

    @Override
    public int openSessions() {
        return Integer.parseInt(ask("sessions"));
    }

    @Override
    public List<?> heartbeats() {
        return List.of(ask("heartbeats"));
    }

    @Override
    public void close() throws InterruptedException {
        out.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
