#!/usr/bin/env bash
# Builds the installable kiosk from kiosk-app/target (run by the Maven module packaging/, see pom.xml there):
#   <out>/credit-kiosk-<version>/            application image: bin/kiosk, lib/*.jar, config/, runtime/ (jlink, JavaFX
#                                             included as modules), lib/kiosk.jsa (AppCDS archive of a real start)
#   <out>/credit-kiosk_<version>_amd64.deb   the package (see ../deb/)
# Needs a JDK 17 with jmods (jlink) and dpkg-deb; no network.
#   build-image.sh <version> <repo root> <out dir> <jdk home>
set -euo pipefail

version="$1"; repo="$(cd "$2" && pwd)"; out="$3"; jdk="$4"
app="$repo/kiosk-app/target"
[ -f "$app/kiosk-app.jar" ] && [ -d "$app/lib" ] || { echo "build-image: $app/kiosk-app.jar missing: package kiosk-app first" >&2; exit 1; }
[ -d "$jdk/jmods" ] || { echo "build-image: $jdk/jmods missing: jlink needs a full JDK (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

img="$out/credit-kiosk-$version"
rm -rf "$img"
mkdir -p "$img/bin" "$img/lib" "$img/config"

# ---- runtime: JDK modules the kiosk uses (jdeps --print-module-deps over the jars, plus what is reached by name:
# GB18030 and the other charsets, Chinese locale data, EC for TLS, the demo platform's HTTP server) and JavaFX.
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.httpserver,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs,javafx.controls,javafx.swing"
jfx="$(mktemp -d)"
trap 'rm -rf "$jfx"' EXIT
for j in "$app"/lib/javafx-*-linux.jar; do cp "$j" "$jfx/"; done
"$jdk/bin/jlink" --module-path "$jdk/jmods:$jfx" --add-modules "$modules" \
  --include-locales=zh,en --strip-debug --no-header-files --no-man-pages --compress=0 \
  --output "$img/runtime"
# JavaFX's native libraries travel inside its jars; jlink keeps them as resources, which JavaFX would unpack into
# ~/.openjfx at every first start. Put them where System.loadLibrary finds them instead (runtime/lib).
for j in "$jfx"/*.jar; do
  (cd "$img/runtime/lib" && "$jdk/bin/jar" xf "$j" $( "$jdk/bin/jar" tf "$j" | grep '\.so$' || true ))
done

# The JDK's base CDS archive for this runtime (the AppCDS archive below is a dynamic one on top of it).
"$img/runtime/bin/java" -Xshare:dump >/dev/null

# ---- the application: the kiosk jar and its libraries on the class path (JavaFX is in the runtime)
cp "$app/kiosk-app.jar" "$img/lib/"
for j in "$app"/lib/*.jar; do
  case "$(basename "$j")" in javafx-*) ;; *) cp "$j" "$img/lib/" ;; esac
done
cp "$repo/packaging/bin/kiosk" "$img/bin/kiosk"
chmod 755 "$img/bin/kiosk"
cp "$repo/config/kiosk.properties" "$repo/config/logback.xml" "$img/config/"
cp "$repo/packaging/image/jvm.options" "$img/config/jvm.options"
echo "$version" > "$img/VERSION"

# ---- AppCDS: a dynamic archive of the classes a real start loads (the demo kiosk up to its first drawn attract
# screen, under Xvfb when there is one; else the command line only). bin/kiosk uses it when it matches the runtime.
train_home="$(mktemp -d)"
echo "kiosk.dataDir=$train_home/data" > "$train_home/kiosk.properties"
train() {
  env -i PATH="/usr/bin:/bin" HOME="$train_home" KIOSK_CONFIG="$train_home/kiosk.properties" KIOSK_LOG_DIR="$train_home/log" \
    KIOSK_JAVA_OPTS="-XX:ArchiveClassesAtExit=$img/lib/kiosk.jsa -Dkiosk.bench.exitWhenDrawn=true" \
    KIOSK_CDS=off "$@"
}
ldconfig_bin="$(command -v ldconfig || command -v /sbin/ldconfig || echo ldconfig)"
if command -v xvfb-run >/dev/null 2>&1 && "$ldconfig_bin" -p 2>/dev/null | grep -q 'libgtk-3\.so'; then
  train timeout 120 xvfb-run -a -s '-screen 0 1920x1080x24' "$img/bin/kiosk" demo >"$train_home/train.log" 2>&1 \
    || { echo "build-image: CDS training run under Xvfb failed, archiving the command line only:" >&2; tail -5 "$train_home/train.log" >&2; rm -f "$img/lib/kiosk.jsa"; }
fi
if [ ! -f "$img/lib/kiosk.jsa" ]; then
  echo "build-image: no Xvfb or no GTK 3 here (apt-get install xvfb libgtk-3-0): the AppCDS archive covers the command line only, not the screens" >&2
  train "$img/bin/kiosk" doctor --help >/dev/null 2>&1 || true
fi
rm -rf "$train_home"
[ -f "$img/lib/kiosk.jsa" ] || echo "build-image: warning: no AppCDS archive made" >&2

# ---- the package
"$repo/packaging/deb/build-deb.sh" "$version" "$img" "$out" "$repo"
echo "build-image: $img ($(du -sh "$img" | cut -f1)), $(ls "$out"/credit-kiosk_*_amd64.deb)"
