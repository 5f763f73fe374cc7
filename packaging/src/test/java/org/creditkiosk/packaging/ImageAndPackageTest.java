package org.creditkiosk.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable kiosk as the build made it (once, in the package phase: packaging/image/build-image.sh): the
 * image runs with no Java on PATH and no JAVA_HOME, and the .deb holds the image, the units, the rules and the
 * maintainer scripts a hall needs.
 */
class ImageAndPackageTest {

    static Path image;
    static Path deb;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void built() throws IOException {
        image = Path.of(System.getProperty("kiosk.image"));
        assertThat(image.resolve("bin/kiosk")).as("the image the build made").isExecutable();
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("kiosk.packageDir")))) {
            deb = s.filter(p -> p.getFileName().toString().matches("credit-kiosk_.+_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no credit-kiosk_<version>_amd64.deb was built"));
        }
    }

    record Run(int code, String out) {
    }

    static Run run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** A PATH with only the tools bin/kiosk uses (bash, readlink, dirname): no java anywhere on it. */
    static Map<String, String> noJava() throws IOException {
        Path bin = tmp.resolve("bin-without-java");
        if (!Files.isDirectory(bin)) {
            Files.createDirectories(bin);
            for (String tool : List.of("bash", "readlink", "dirname")) {
                Files.createSymbolicLink(bin.resolve(tool), Path.of("/bin", tool).toRealPath());
            }
        }
        return Map.of("PATH", bin.toString(), "HOME", tmp.resolve("home").toString(),
                "KIOSK_LOG_DIR", tmp.resolve("log").toString());
    }

    @Test
    void imageRunsWithoutAnyJavaOnThePathAndWithoutJavaHome() throws Exception {
        Map<String, String> env = noJava();
        assertThat(run(env, "/bin/bash", "-c", "command -v java").code()).as("java is not on this PATH").isNotZero();
        assertThat(env).doesNotContainKey("JAVA_HOME");

        Run version = run(env, image.resolve("bin/kiosk").toString(), "--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out().strip()).isEqualTo("credit-kiosk " + System.getProperty("kiosk.version", versionOf(image)));

        Run doctor = run(env, image.resolve("bin/kiosk").toString(), "doctor", "--help");
        assertThat(doctor.code()).as(doctor.out()).isZero();
        assertThat(doctor.out()).startsWith("Usage: kiosk doctor");
        assertThat(doctor.out()).doesNotContain("Unsupported JavaFX configuration");
    }

    /**
     * Without a GPU render node this user can open, the launcher has JavaFX draw in software from the start and keeps
     * GTK away from OpenGL (else Mesa's llvmpipe is loaded, about 55 MB resident, only to be refused); with one it
     * leaves JavaFX its GPU pipeline. Seen in what the JVM was given (-XshowSettings) and in the launcher's own
     * trace (bash -x), for a render node directory without and with a node.
     */
    @Test
    void launcherDrawsInSoftwareWhereThereIsNoGpuRenderNode() throws Exception {
        String kiosk = image.resolve("bin/kiosk").toString();
        Path none = Files.createDirectories(tmp.resolve("dri-none"));
        Path gpu = Files.createDirectories(tmp.resolve("dri-gpu"));
        Files.writeString(gpu.resolve("renderD128"), "");

        Map<String, String> env = new java.util.HashMap<>(noJava());
        env.put("KIOSK_JAVA_OPTS", "-XshowSettings:properties");
        env.put("KIOSK_DRI_DIR", none.toString());
        Run software = run(env, "/bin/bash", "-x", kiosk, "--version");
        assertThat(software.code()).as(software.out()).isZero();
        assertThat(software.out()).contains("+ export GDK_GL=disable", "prism.order = sw",
                "prism.disableRegionCaching = true", "kiosk.render = software");

        env.put("KIOSK_DRI_DIR", gpu.toString());
        Run onGpu = run(env, "/bin/bash", "-x", kiosk, "--version");
        assertThat(onGpu.code()).as(onGpu.out()).isZero();
        assertThat(onGpu.out()).contains("kiosk.render = gpu").doesNotContain("GDK_GL", "prism.order",
                "prism.disableRegionCaching");

        env.put("KIOSK_RENDER", "software");
        assertThat(run(env, kiosk, "--version").out()).as("the technician's choice wins").contains("prism.order = sw");
        env.put("KIOSK_RENDER", "fast");
        Run wrong = run(env, kiosk, "--version");
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(wrong.out()).contains("KIOSK_RENDER is auto, gpu or software, not 'fast'");
    }

    @Test
    void runtimeIsTrimmedAndHoldsJavaFxAndTheCdsArchive() throws Exception {
        Run modules = run(Map.of(), image.resolve("runtime/bin/java").toString(), "--list-modules");
        assertThat(modules.out()).contains("javafx.controls@", "javafx.swing@", "jdk.charsets@", "jdk.localedata@",
                "jdk.crypto.ec@").doesNotContain("jdk.compiler@", "jdk.jshell@", "java.corba");
        assertThat(image.resolve("runtime/lib/libglass.so")).isRegularFile();
        assertThat(image.resolve("runtime/lib/libprism_es2.so")).isRegularFile();
        assertThat(image.resolve("lib/kiosk.jsa")).isRegularFile();
        assertThat(image.resolve("lib/kiosk-app.jar")).isRegularFile();
        try (Stream<Path> libs = Files.list(image.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("javafx-"));
        }
        assertThat(Files.readString(image.resolve("config/jvm.options"))).contains("-Xmx");
    }

    @Test
    void debHoldsImageUnitsRulesAndLauncher() throws Exception {
        Run list = run(Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "-c", deb.toString());
        assertThat(list.code()).as(list.out()).isZero();
        List<String> paths = new ArrayList<>();
        for (String line : list.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6) {
                paths.add(f[5] + (f.length > 6 ? " " + f[6] + " " + f[7] : "") + " " + f[0] + " " + f[1]);
            }
        }
        String all = String.join("\n", paths);
        assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("drwxr-xr-x root/root").endsWith(" ./");
        assertThat(all).contains("./etc/credit-kiosk/ drwxr-x--- root/root");
        assertThat(all).contains("./opt/credit-kiosk/bin/kiosk -rwxr-xr-x root/root",
                "./opt/credit-kiosk/runtime/bin/java -rwxr-xr-x root/root",
                "./opt/credit-kiosk/lib/kiosk-app.jar ", "./opt/credit-kiosk/lib/kiosk.jsa ",
                "./lib/systemd/system/credit-kiosk.service ", "./lib/systemd/system/kiosk-xsession.service ",
                "./lib/udev/rules.d/99-credit-kiosk.rules ", "./etc/X11/xorg.conf.d/50-credit-kiosk.conf ",
                "./etc/credit-kiosk/kiosk.properties -rw-r----- root/root",
                "./opt/credit-kiosk/bin/kiosk-xauth ", "./opt/credit-kiosk/bin/kiosk-cups-settings ");
        // Never a secret or a keystore in the package.
        assertThat(all).doesNotContain(".p12", ".secret", ".pass ", "/demo/");
    }

    @Test
    void debControlAndMaintainerScripts() throws Exception {
        Path ctl = tmp.resolve("control");
        Run x = run(Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "-e", deb.toString(), ctl.toString());
        assertThat(x.code()).as(x.out()).isZero();
        String control = Files.readString(ctl.resolve("control"));
        assertThat(control).contains("Package: credit-kiosk", "Architecture: amd64", "Depends: ");
        assertThat(Files.readString(ctl.resolve("conffiles"))).contains("/etc/credit-kiosk/kiosk.properties");
        String postinst = Files.readString(ctl.resolve("postinst"));
        assertThat(postinst).contains("adduser --system", "dialout", "chmod 0750 /etc/credit-kiosk",
                "chmod 0600", "kiosk-cups-settings", "/opt/credit-kiosk/bin/kiosk doctor",
                "for g in video render");
        assertThat(ctl.resolve("postinst")).isExecutable();
        String postrm = Files.readString(ctl.resolve("postrm"));
        assertThat(postrm).contains("purge)");
        // remove keeps the hall's configuration, secrets and keystore: only purge deletes /etc/credit-kiosk.
        assertThat(postrm.substring(0, postrm.indexOf("purge)"))).doesNotContain("rm -rf /etc/credit-kiosk");
        assertThat(Files.readString(ctl.resolve("prerm"))).contains("systemctl stop credit-kiosk.service");
    }

    @Test
    void unitsHaveTheWatchdogAndTheHardeningThatKeepsSerialAndPrinting() throws Exception {
        Path root = tmp.resolve("root");
        Run x = run(Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(x.code()).as(x.out()).isZero();
        String unit = Files.readString(root.resolve("lib/systemd/system/credit-kiosk.service"));
        assertThat(unit.lines().map(String::strip).toList()).contains("Restart=always", "RestartPreventExitStatus=2",
                "WatchdogSec=30", "NotifyAccess=all", "UMask=0077", "LimitCORE=0", "User=kiosk",
                "SupplementaryGroups=dialout lp", "DevicePolicy=closed", "DeviceAllow=char-ttyUSB rw",
                "DeviceAllow=char-ttyACM rw", "DeviceAllow=char-drm rw", "ProtectSystem=strict", "NoNewPrivileges=true",
                "Environment=XAUTHORITY=/run/credit-kiosk-x/Xauthority");
        assertThat(unit).doesNotContain("PrivateDevices=true", "MemoryDenyWriteExecute=true");
        String x11 = Files.readString(root.resolve("lib/systemd/system/kiosk-xsession.service"));
        assertThat(x11).contains("-nolisten tcp", "-auth /run/credit-kiosk-x/Xauthority", "-novtswitch",
                "ExecStartPre=/opt/credit-kiosk/bin/kiosk-xauth");
        String xorg = Files.readString(root.resolve("etc/X11/xorg.conf.d/50-credit-kiosk.conf"));
        assertThat(xorg).contains("\"DontVTSwitch\" \"true\"", "\"DontZap\" \"true\"", "srvrkeys:none");
        String rules = Files.readString(root.resolve("lib/udev/rules.d/99-credit-kiosk.rules"));
        assertThat(rules).contains("SYMLINK+=\"kiosk-idcard\"", "SYMLINK+=\"kiosk-receipt\"", "SYMLINK+=\"kiosk-scanner\"");
    }

    @Test
    void cupsSettingsScriptSetsPreserveJobFilesNoIdempotently() throws Exception {
        Path root = tmp.resolve("root-cups");
        run(Map.of("PATH", "/usr/bin:/bin"), "dpkg-deb", "-x", deb.toString(), root.toString());
        Path conf = tmp.resolve("cupsd.conf");
        Files.writeString(conf, "LogLevel warn\nPreserveJobFiles Yes\nListen /run/cups/cups.sock\n");
        String script = root.resolve("opt/credit-kiosk/bin/kiosk-cups-settings").toString();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
        assertThat(run(env, script, conf.toString()).code()).isZero();
        assertThat(run(env, script, conf.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(conf);
        assertThat(lines).contains("LogLevel warn", "PreserveJobFiles No", "PreserveJobHistory No",
                "Listen /run/cups/cups.sock").doesNotContain("PreserveJobFiles Yes");
        assertThat(lines.stream().filter(l -> l.startsWith("PreserveJobHistory")).count()).isEqualTo(1);
    }

    static String versionOf(Path image) {
        try {
            return Files.readString(image.resolve("VERSION")).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
