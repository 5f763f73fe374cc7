package org.creditkiosk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.creditkiosk.config.BundleSigner;
import org.creditkiosk.config.ContentFile;
import org.creditkiosk.config.SignedConfig;
import org.creditkiosk.config.TrustedKeys;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.KioskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk admin ...}: the administrators' tools for signed configuration (contract {@code ConfigBundle}) and
 * hall content. They use the kiosk's own rules ({@link SignedConfig}), so what {@code sign} accepts and {@code verify}
 * passes is what a kiosk applies.
 */
@Command(name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administrators' commands: signing keys, signed configuration bundles, hall content files.",
        subcommands = {AdminCommands.Keygen.class, AdminCommands.Sign.class, AdminCommands.Verify.class,
            AdminCommands.Content.class})
public final class AdminCommands {

    private AdminCommands() {
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Make an Ed25519 key pair: DIR/<ID>.pem (PKCS#8 PEM, mode 600) and DIR/<ID>.trusted-keys (the line for the kiosks' config.trustedKeysFile).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:keys written", "2:refused (bad key id, files exist, folder not writable)"})
    static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--key-id", required = true, description = "Key id named in bundles (letters, digits, . _ -).")
        String keyId;
        @Option(names = "--out", required = true, description = "Folder for the two files.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!keyId.matches("[A-Za-z0-9._-]{1,64}")) {
                err.println("kiosk admin keygen: key id '" + keyId + "' refused: 1 to 64 of letters, digits, . _ -");
                return 2;
            }
            Path pem = out.resolve(keyId + ".pem");
            Path line = out.resolve(keyId + ".trusted-keys");
            try {
                Files.createDirectories(out);
                if (Files.exists(pem) || Files.exists(line)) {
                    err.println("kiosk admin keygen: " + (Files.exists(pem) ? pem : line) + " exists; not overwriting a key");
                    return 2;
                }
                KeyPair pair = BundleSigner.newKeyPair();
                Files.write(Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        BundleSigner.privatePem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
                String trusted = BundleSigner.trustedKeysLine(keyId, pair.getPublic());
                Files.writeString(line, trusted + "\n", StandardCharsets.US_ASCII);
                o.println("private key: " + pem + " (keep it off the kiosks)");
                o.println("trusted keys line: " + line);
                o.println(trusted);
                o.flush();
                return 0;
            } catch (IOException | UnsupportedOperationException e) {
                err.println("kiosk admin keygen: cannot write the keys: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Check a settings file (.properties or .json) by the kiosk's own rules and the bundle allow-list, then sign it as a ConfigBundle.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:bundle written", "2:refused, one line per problem"})
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--key", required = true, description = "The administrators' private key (PKCS#8 PEM).")
        Path key;
        @Option(names = "--key-id", required = true, description = "The key's id in the kiosks' trusted keys.")
        String keyId;
        @Option(names = "--settings", required = true, description = "Settings: .properties or .json.")
        Path settings;
        @Option(names = "--version", required = true, description = "Bundle version; higher than any the kiosks accepted.")
        long version;
        @Option(names = "--kiosk", description = "Kiosk id the bundle is for (repeat; none: every kiosk).")
        List<String> kiosks = new ArrayList<>();
        @Option(names = "--out", description = "Bundle file (default: standard output).")
        Path out;
        @Option(names = "--allow-unknown-keys", description = "Sign keys this kiosk version does not know (newer kiosks); else they are refused as probable misspellings.")
        boolean allowUnknown;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<String> problems = new ArrayList<>();
            if (version < 1) {
                problems.add("--version " + version + ": a bundle version is at least 1");
            }
            for (String k : kiosks) {
                if (!k.matches("[A-Z0-9]+(-[A-Z0-9]+)*")) {
                    problems.add("--kiosk " + k + ": not a kiosk id (e.g. YL-ZWDT-01-K03)");
                }
            }
            Map<String, JsonNode> values;
            try {
                values = BundleSigner.readSettings(settings);
            } catch (IOException e) {
                err.println("kiosk admin sign: " + e.getMessage());
                return 2;
            }
            SignedConfig.SettingsCheck c = SignedConfig.checkSettings(values, settings.toString());
            c.localOnly().forEach(k -> problems.add(k + ": only a kiosk's local configuration may set it (not in a bundle)"));
            if (!allowUnknown) {
                c.unknownKeys().forEach(k -> problems.add(k + ": unknown key (misspelt? --allow-unknown-keys signs it anyway)"));
            }
            problems.addAll(c.problems());
            java.security.PrivateKey priv = null;
            try {
                priv = BundleSigner.readPrivateKey(key);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> err.println("refused: " + p));
                err.flush();
                return 2;
            }
            ConfigBundle bundle = BundleSigner.sign(priv, keyId,
                    BundleSigner.payload(version, Clock.systemUTC().instant(), kiosks, values));
            try {
                byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle);
                if (out == null) {
                    PrintWriter o = spec.commandLine().getOut();
                    o.println(new String(json, StandardCharsets.UTF_8));
                    o.flush();
                } else {
                    Files.write(out, json);
                    spec.commandLine().getErr().println("bundle v" + version + " (" + values.size() + " settings"
                            + (kiosks.isEmpty() ? ", every kiosk" : ", kiosks " + String.join(", ", kiosks)) + ") written to " + out);
                }
                return 0;
            } catch (IOException e) {
                err.println("kiosk admin sign: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check a bundle as a kiosk would (signature, trusted key, kiosk, issue time, version, allow-list, every setting) and print its settings and the verdict.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:this kiosk would apply it", "1:it would refuse it (the reason is printed)", "2:the files cannot be read"})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--bundle", required = true, description = "The ConfigBundle JSON file.")
        Path bundle;
        @Option(names = "--trusted-keys", required = true, description = "The kiosks' trusted keys file.")
        Path trustedKeys;
        @Option(names = "--kiosk", description = "The kiosk's id (default: the first kiosk the bundle names, or any kiosk when it names none).")
        String kiosk;
        @Option(names = "--running-version", defaultValue = "0",
                description = "The highest version the kiosk accepted (its config-version-floor; default 0: none).")
        long running;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConfigBundle b;
            TrustedKeys keys;
            try {
                b = Json.mapper().readValue(bundle.toFile(), ConfigBundle.class);
                keys = TrustedKeys.load(trustedKeys);
            } catch (IOException | RuntimeException e) {
                err.println("kiosk admin verify: " + e.getMessage());
                return 2;
            }
            String id = kiosk;
            if (id == null) {
                id = unverified(b).flatMap(KioskConfig::kioskIds).filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse("ANY");
                o.println("kiosk: " + id + " (no --kiosk given)");
            }
            SignedConfig.Verdict v = SignedConfig.verify(b, keys, id, running, Clock.systemUTC().instant());
            if (v instanceof SignedConfig.Accepted a) {
                o.println("bundle v" + a.version() + " by key " + b.keyId() + ", issued " + a.config().issuedAt()
                        + a.config().kioskIds().map(l -> ", for kiosks " + String.join(", ", l)).orElse(", for every kiosk"));
                a.values().forEach((k, val) -> o.println("  " + k + " = " + val));
                a.unknownKeys().forEach(k -> o.println("  " + k + " (unknown to this kiosk version: ignored)"));
                o.println("ACCEPTED: kiosk " + id + " running v" + running + " would apply it");
                o.flush();
                return 0;
            }
            SignedConfig.Rejected r = (SignedConfig.Rejected) v;
            unverified(b).ifPresent(c -> {
                o.println("bundle claims v" + c.version() + ", issued " + c.issuedAt() + " (not verified):");
                c.settings().forEach((k, val) -> o.println("  " + k + " = " + (val.isValueNode() ? val.asText() : val.toString())));
            });
            o.println("REFUSED: " + r.code() + ": " + r.detail());
            o.flush();
            return 1;
        }

        private static java.util.Optional<KioskConfig> unverified(ConfigBundle b) {
            try {
                return java.util.Optional.of(Json.mapper().readValue(Base64.getDecoder().decode(b.payload()), KioskConfig.class));
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
    }

    @Command(name = "content", mixinStandardHelpOptions = true,
            description = "Check hall content files (PNG/JPEG at most 1920x1080, WAV PCM, at most 5 MiB) and print each one's SHA-256 and size for the settings.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every file is usable", "2:at least one is not (one line each)"})
    static final class Content implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (Path f : files) {
                try {
                    ContentFile c = ContentFile.check(Files.readAllBytes(f));
                    o.println(c.sha256() + "  " + c.size() + "  " + c.detail() + "  " + f);
                } catch (IOException | IllegalArgumentException e) {
                    err.println("refused: " + f + ": " + e.getMessage());
                    bad++;
                }
            }
            o.flush();
            err.flush();
            return bad == 0 ? 0 : 2;
        }
    }
}
