package org.creditkiosk.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.report.ReportSettings;

/**
 * The hall's signing key and certificate chain, loaded from a PKCS#12 keystore. Never logged or printed; the
 * {@link #toString()} names the certificate subject only.
 */
public final class HallCredentials {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    HallCredentials(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    public PrivateKey key() {
        return key;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Loads the credentials the settings name: the configured keystore, else (demo) the generated demo keystore. */
    public static HallCredentials load(ReportSettings settings) {
        return load(settings, System.getenv());
    }

    /** As {@link #load(ReportSettings)}, with the environment a password variable is read from. */
    public static HallCredentials load(ReportSettings settings, java.util.Map<String, String> env) {
        if (settings.keystore().isPresent()) {
            char[] password = password(settings.keystorePassword(), settings, env);
            try {
                return fromPkcs12(settings.keystore().get(), password, settings.keyAlias());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if (!settings.demo()) {
            throw new SigningException("no keystore configured");
        }
        return DemoKeystore.ensure(settings.demoDataDir(), settings.issuingOffice());
    }

    public static HallCredentials fromPkcs12(Path p12, char[] password, Optional<String> alias) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String chosen = alias.orElse(null);
            if (chosen == null) {
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        chosen = a;
                        break;
                    }
                }
            }
            if (chosen == null || !ks.isKeyEntry(chosen)) {
                throw new SigningException("keystore " + p12 + " has no key entry"
                        + alias.map(a -> " with alias '" + a + "'").orElse(""));
            }
            PrivateKey key = (PrivateKey) ks.getKey(chosen, password);
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new SigningException("keystore " + p12 + " key '" + chosen + "' has no certificate chain");
            }
            return new HallCredentials(key, Arrays.stream(certs).map(c -> (X509Certificate) c).toList());
        } catch (IOException e) {
            throw new SigningException("cannot read keystore " + p12 + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot open keystore " + p12 + ": " + e.getMessage(), e);
        }
    }

    private static char[] password(ReportSettings.KeystorePassword source, ReportSettings settings,
            java.util.Map<String, String> env) {
        if (source instanceof ReportSettings.KeystorePassword.FromFile f) {
            return readPasswordFile(f.file());
        }
        if (source instanceof ReportSettings.KeystorePassword.FromEnvironment variable) {
            String v = env.get(variable.variable());
            if (v == null) {
                throw new SigningException("keystore password variable " + variable.variable() + " is not set");
            }
            return v.toCharArray();
        }
        return readPasswordFile(DemoKeystore.passwordFile(settings.demoDataDir()));
    }

    /** First line of the file, without the line break. */
    public static char[] readPasswordFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return (nl >= 0 ? s.substring(0, nl) : s).strip().toCharArray();
        } catch (IOException e) {
            throw new SigningException("cannot read keystore password file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "HallCredentials[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
