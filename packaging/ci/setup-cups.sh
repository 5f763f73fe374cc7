#!/bin/sh
# Sets up CUPS with the cups-pdf queue "KioskPDF" for the A4 report printer tests (issue 5).
#
# Idempotent: safe to run again. Run it BEFORE the JVM starts (before Maven): Java caches the CUPS printer
# list at first use, so a queue created later is invisible to a running JVM.
#
# Output: cups-pdf writes each job as a PDF under $KIOSK_CUPS_PDF_DIR (default /var/spool/cups-pdf),
# in a sub-directory named after the submitting user (ANONYMOUS for anonymous jobs). The Java test
# (ReportPrinterCupsTest) looks there.
#
# Needs: cups, printer-driver-cups-pdf (Debian/Ubuntu), root (or sudo) for cupsd, lpadmin and cups-pdf.conf.
set -eu

QUEUE="${KIOSK_CUPS_QUEUE:-KioskPDF}"
OUT_DIR="${KIOSK_CUPS_PDF_DIR:-/var/spool/cups-pdf}"
CONF=/etc/cups/cups-pdf.conf

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

say() { echo "setup-cups: $*"; }

if ! command -v cupsd >/dev/null 2>&1 || ! command -v lpadmin >/dev/null 2>&1; then
    say "cups is not installed (apt-get install cups printer-driver-cups-pdf)" >&2
    exit 1
fi
if [ ! -x /usr/lib/cups/backend/cups-pdf ]; then
    say "the cups-pdf backend is missing (apt-get install printer-driver-cups-pdf)" >&2
    exit 1
fi

# 1. cups-pdf's output directory: a known place instead of ${HOME}/PDF (root's HOME varies between runners).
if [ -f "$CONF" ]; then
    if ! grep -q "^Out ${OUT_DIR}/\${USER}\$" "$CONF"; then
        $SUDO sed -i -e '/^Out /d' -e '/^AnonDirName /d' "$CONF"
        printf 'Out %s/${USER}\nAnonDirName %s/ANONYMOUS\n' "$OUT_DIR" "$OUT_DIR" | $SUDO tee -a "$CONF" >/dev/null
        say "cups-pdf output set to ${OUT_DIR}/<user>"
    fi
fi
$SUDO mkdir -p "$OUT_DIR"
$SUDO chmod 1777 "$OUT_DIR"

# 2. cupsd, if not running (containers have no systemd: start the daemon directly).
if ! lpstat -r >/dev/null 2>&1 || lpstat -r 2>&1 | grep -qi "not running"; then
    if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
        $SUDO systemctl start cups
    else
        $SUDO cupsd
    fi
    i=0
    until lpstat -r 2>/dev/null | grep -qi "is running"; do
        i=$((i + 1))
        if [ "$i" -gt 50 ]; then
            say "cupsd did not start" >&2
            exit 1
        fi
        sleep 0.2
    done
    say "cupsd started"
fi

# 3. The queue.
PPD=""
for f in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd \
         /usr/share/ppd/cups-pdf/CUPS-PDF.ppd; do
    if [ -f "$f" ]; then PPD="$f"; break; fi
done
if [ -z "$PPD" ]; then
    PPD="$(find /usr/share/ppd -iname 'CUPS-PDF*.ppd' 2>/dev/null | head -n 1)"
fi
if [ -z "$PPD" ]; then
    say "no cups-pdf PPD under /usr/share/ppd" >&2
    exit 1
fi
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    $SUDO lpadmin -p "$QUEUE" -v cups-pdf:/ -E -P "$PPD" -o PageSize=A4
    say "queue $QUEUE created with $PPD"
fi
# Enable and accept jobs even if a previous run (or a test) left the queue stopped.
$SUDO cupsenable "$QUEUE"
$SUDO cupsaccept "$QUEUE"
lpstat -p "$QUEUE"
