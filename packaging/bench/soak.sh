#!/usr/bin/env bash
# A year in a public hall, compressed (issue 14): packaging/bench/soak.sh --visits N [--faults] [--seed S] [--no-screens]
#   [--privacy] [--platform-process]   (heap dumps in the privacy scan; the demo platform in a JVM of its own)
# Random visits through the whole demo kiosk and its real screens (headless, Monocle); prints one JSON object:
# visits, crashes, stuckStates, noticesByCode, heapLiveStartMb/EndMb, rssStartMb/EndMb, threadsStart/End,
# visitP50Ms/P95Ms, platformSessionsLeftOpen. Exit 1 on a crash or a stuck state. KIOSK_SOAK_JAVA_OPTS adds JVM
# options (default: the image's heap limit, so that soft caches are measured as the kiosk runs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl kiosk-app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
cp="kiosk-app/target/test-classes:kiosk-app/target/classes:device-drivers/target/test-classes:device-drivers/target/classes:$(cat "$cp_file")"
exec java ${KIOSK_SOAK_JAVA_OPTS:--Xmx256m -XX:SoftRefLRUPolicyMSPerMB=0} -Dlogback.configurationFile=kiosk-app/src/test/resources/logback-test.xml \
  -Djava.awt.headless=true -Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle \
  -Dmonocle.platform=Headless -Dheadless.geometry=1920x1080-32 -cp "$cp" org.creditkiosk.soak.SoakMain "$@"
