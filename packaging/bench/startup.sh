#!/usr/bin/env bash
# Start-up and memory of the installed kiosk, from one run (issue 11). Prints, side by side:
#   - the time until the attract screen is drawn (kiosk demo) and until a minimal JavaFX full-screen window is drawn
#     (MinimalFx.java), both on the image's runtime and the same Xvfb display, interleaved, median of N rounds; the ratio;
#   - the same for the start-up before issue 11 (JavaFX started after the assembly, no AppCDS archive);
#   - the resident memory (VmRSS) after 0, 1, 25, ..., V visits of the demo kiosk with its screens.
# "Drawn" is the first laid-out pulse plus the FX thread's next turn (ui/FirstFrame), timed from the process start.
#   packaging/bench/startup.sh [image dir] [rounds, default 5] [visits, default 100; 0: start-up only]
# Extra JVM options for a trial: KIOSK_BENCH_OPTS="-Xmx192m -XX:+UseG1GC" packaging/bench/startup.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
img="${1:-$(ls -d "$repo"/packaging/target/credit-kiosk-*/ 2>/dev/null | head -1)}"
rounds="${2:-5}"
visits="${3:-100}"
[ -x "$img/bin/kiosk" ] || { echo "startup.sh: no image; build it: mvn -B -Pimage -DskipTests package" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "startup.sh: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Its own data folder (the demo keystore and keys; Java's user.home ignores HOME).
echo "kiosk.dataDir=$work/data" > "$work/kiosk.properties"
"${JAVAC:-javac}" --release 17 --module-path "$(ls "$repo"/kiosk-app/target/lib/javafx-*-linux.jar | tr '\n' ':')" \
  --add-modules javafx.controls -d "$work/minimal" "$here/MinimalFx.java"

xvfb() { timeout 300 xvfb-run -a -s '-screen 0 1920x1080x24' "$@"; }
drawn() { sed -n 's/.*kiosk-bench: drawn .*sinceProcessStartMs=\([0-9]*\).*/\1/p' | head -1; }
kiosk() {   # kiosk [extra java options...]
  env -i PATH=/usr/bin:/bin HOME="$work/home" KIOSK_CONFIG="$work/kiosk.properties" KIOSK_LOG_DIR="$work/log" KIOSK_CDS="${cds:-on}" \
    KIOSK_JAVA_OPTS="-Dkiosk.bench.exitWhenDrawn=true -Dkiosk.bench.exitDelayMs=200 ${KIOSK_BENCH_OPTS:-} $*" \
    bash -c "exec xvfb-run -a -s '-screen 0 1920x1080x24' '$img/bin/kiosk' demo" 2>&1 | drawn
}
minimal() { xvfb "$img/runtime/bin/java" -cp "$work/minimal" MinimalFx 2>&1 | drawn; }
# The kiosk's launcher draws in software where no GPU render node can be opened (bin/kiosk, KIOSK_RENDER), which
# also spares it loading Mesa. The fair minimal window is drawn the same way; the JavaFX defaults are shown beside it.
render=software
for node in /dev/dri/renderD*; do if [ -r "$node" ] && [ -w "$node" ]; then render=gpu; break; fi; done
minimal_same() {
  if [ "$render" = software ]; then
    GDK_GL=disable xvfb "$img/runtime/bin/java" -Dprism.order=sw -Dprism.disableRegionCaching=true -cp "$work/minimal" MinimalFx 2>&1 | drawn
  else
    minimal
  fi
}
# A kiosk starts with its data folder from before (demo: keystore and keys made at the very first start only).
kiosk >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

: > "$work/min"; : > "$work/same"; : > "$work/now"; : > "$work/before"
for i in $(seq "$rounds"); do
  minimal >> "$work/min"
  minimal_same >> "$work/same"
  kiosk >> "$work/now"
  cds=off kiosk -Dkiosk.bench.lateToolkit=true >> "$work/before"
done
d="$(median < "$work/min")"; m="$(median < "$work/same")"; n="$(median < "$work/now")"; b="$(median < "$work/before")"
echo "start-up, median of $rounds rounds on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) (ms from process start to first drawn frame; ratios to the minimal window drawn as the kiosk draws, here: $render):"
printf '  %-44s %6s ms   (all: %s)\n' "minimal JavaFX full-screen window, defaults" "$d" "$(tr '\n' ' ' < "$work/min")"
printf '  %-44s %6s ms   (all: %s)\n' "minimal JavaFX full-screen window, $render" "$m" "$(tr '\n' ' ' < "$work/same")"
printf '  %-44s %6s ms   (all: %s)  ratio %s\n' "kiosk demo, attract screen (this image)" "$n" "$(tr '\n' ' ' < "$work/now")" \
  "$(awk -v a="$n" -v b="$m" 'BEGIN {printf "%.2f", a/b}')"
printf '  %-44s %6s ms   (all: %s)  ratio %s\n' "kiosk demo, before (late JavaFX, no AppCDS)" "$b" "$(tr '\n' ' ' < "$work/before")" \
  "$(awk -v a="$b" -v b="$m" 'BEGIN {printf "%.2f", a/b}')"

[ "$visits" -gt 0 ] || exit 0
echo "resident memory of kiosk demo with its screens, $visits visits (every sixth printed), JVM options: $(grep -v '^#' "$img/config/jvm.options" | tr '\n' ' ') ${KIOSK_BENCH_OPTS:-}"
env -i PATH=/usr/bin:/bin HOME="$work/home" KIOSK_CONFIG="$work/kiosk.properties" KIOSK_LOG_DIR="$work/log" \
  KIOSK_JAVA_OPTS="-Dkiosk.bench.visits=$visits ${KIOSK_BENCH_OPTS:-}" \
  bash -c "exec timeout 900 xvfb-run -a -s '-screen 0 1920x1080x24' '$img/bin/kiosk' demo" 2>&1 \
  | sed -n 's/.*kiosk-bench: \(rss after .*\|visits failed.*\)/  \1/p'
