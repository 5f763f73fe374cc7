#!/usr/bin/env bash
# Builds credit-kiosk_<version>_amd64.deb from the application image, without network (dpkg-deb; --root-owner-group
# makes every file root:root, so no fakeroot is needed).
#   build-deb.sh <maven version> <image dir> <out dir> <repo root>
set -euo pipefail
mvn_version="$1"; img="$2"; out="$3"; repo="$4"
here="$repo/packaging"
# Debian version: 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT (sorts before the release 0.1.0).
version="${mvn_version/-/\~}"
umask 022
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"   # the package's "./" (mktemp makes it 0700)

install -d "$root/opt/credit-kiosk" "$root/lib/systemd/system" "$root/lib/udev/rules.d" \
  "$root/etc/credit-kiosk" "$root/etc/X11/xorg.conf.d" "$root/DEBIAN" "$root/usr/share/doc/credit-kiosk"
chmod 0750 "$root/etc/credit-kiosk"   # postinst makes it root:kiosk
cp -a "$img/." "$root/opt/credit-kiosk/"
install -m 644 "$here/systemd/credit-kiosk.service" "$here/systemd/kiosk-xsession.service" "$root/lib/systemd/system/"
install -m 644 "$here/udev/99-credit-kiosk.rules" "$root/lib/udev/rules.d/"
install -m 644 "$here/xsession/50-credit-kiosk.conf" "$root/etc/X11/xorg.conf.d/"
install -m 755 "$here/xsession/kiosk-xauth" "$root/opt/credit-kiosk/bin/kiosk-xauth"
install -m 755 "$here/cups/kiosk-cups-settings" "$root/opt/credit-kiosk/bin/kiosk-cups-settings"
# The technician's file: a conffile (kept and not overwritten on upgrade); secrets and keystores are never shipped.
install -m 640 "$repo/config/samples/technician.properties" "$root/etc/credit-kiosk/kiosk.properties"
install -m 644 "$repo/packaging/README.md" "$root/usr/share/doc/credit-kiosk/README.packaging.md"

size_kb="$(du -sk "$root" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size_kb/" "$here/deb/control" > "$root/DEBIAN/control"
install -m 644 "$here/deb/conffiles" "$root/DEBIAN/conffiles"
for s in postinst prerm postrm; do install -m 755 "$here/deb/$s" "$root/DEBIAN/$s"; done

deb="$out/credit-kiosk_${version}_amd64.deb"
rm -f "$out"/credit-kiosk_*_amd64.deb
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$deb" >/dev/null
echo "$deb"
