#!/usr/bin/env bash
# Prepares a machine for the test suite; idempotent, quick when everything is there.
# Called by the Maven build itself (kiosk-app, phase process-test-resources), so `mvn -B verify` works on a fresh
# machine: it installs the Debian packages the tests use (when run as root and something is missing), then starts
# CUPS with the cups-pdf queue before any test JVM starts (Java caches the printer list at first use).
set -u
packages=(socat xvfb cups cups-pdf cups-bsd cups-client poppler-utils qpdf zbar-tools fonts-dejavu-core)
tools=(socat Xvfb cupsd lpadmin pdftotext pdffonts pdfsig pdftoppm qpdf zbarimg)
missing=()
for t in "${tools[@]}"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test-env: installing Debian packages for the tests (missing: ${missing[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null \
      || echo "test-env: WARNING apt-get failed; tests needing ${missing[*]} will be skipped"
  else
    echo "test-env: WARNING missing ${missing[*]} and not root: tests that need them will be skipped." \
         "Install: sudo apt-get install ${packages[*]}"
  fi
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -x "$here/setup-cups.sh" ]; then
  "$here/setup-cups.sh" || echo "test-env: WARNING CUPS setup failed; CUPS printing tests will be skipped"
fi
exit 0
