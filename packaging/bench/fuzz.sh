#!/usr/bin/env bash
# Long fuzz run of every decoder (issue 14): packaging/bench/fuzz.sh [INPUTS-PER-DECODER] [SEED]
# Prints one JSON line per decoder and a summary; exits 1 when an input crashed a decoder (the line shows the input
# in hex: add it to that decoder's tests as a regression input).
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs="${1:-1000000}"
seed="${2:-20261201}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl kiosk-app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
# the reactor writes each module's classpath to the same file: kiosk-app's (the last) is the one left
cp="kiosk-app/target/test-classes:kiosk-app/target/classes:device-drivers/target/test-classes:device-drivers/target/classes:$(cat "$cp_file")"
exec java -Xmx1g -Dlogback.configurationFile=kiosk-app/src/test/resources/logback-test.xml -cp "$cp" \
  org.creditkiosk.fuzz.FuzzMain "$inputs" "$seed"
