#!/usr/bin/env bash
# Starts the Jmol desktop app with SparsePocket under a virtual X display (Xvfb), predicts pockets on a
# structure and saves a screenshot of the window.
#
#   tools/jmol-screenshot.sh [STRUCTURE] [OUTPUT.png]
#
# Defaults: examples/1fbl.pdb, docs/images/jmol-pockets.png.
# Needs `mvn package` first (jmol-plugin/target/sparsepocket-jmol.jar) and the Debian packages xvfb and
# imagemagick (installed here with apt-get when missing and running as root). Extra JVM options (e.g.
# -Dsparsepocket.model=DIR) can be passed in JAVA_OPTS, a clustering threshold in THRESHOLD.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
structure="${1:-$root/examples/1fbl.pdb}"
output="${2:-$root/docs/images/jmol-pockets.png}"
jar="$root/jmol-plugin/target/sparsepocket-jmol.jar"
width=1000
height=720

die() { echo "jmol-screenshot: $*" >&2; exit 1; }
[[ -f "$jar" ]] || die "$jar not found: run 'mvn -q package -DskipTests' first"
[[ -f "$structure" ]] || die "$structure: no such file"
structure="$(cd "$(dirname "$structure")" && pwd)/$(basename "$structure")"
mkdir -p "$(dirname "$output")"
output="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"

if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null; then
  [[ $(id -u) -eq 0 ]] || die "needs the Debian packages xvfb and imagemagick (apt-get install -y xvfb imagemagick)"
  apt-get update -qq && apt-get install -y -qq xvfb imagemagick >/dev/null
fi

work="$(mktemp -d)"
xvfb_pid="" app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

display=":$(( 90 + RANDOM % 400 ))"
Xvfb "$display" -screen 0 "$((width + 40))x$((height + 120))x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 2
kill -0 "$xvfb_pid" 2>/dev/null || die "Xvfb did not start: $(cat "$work/xvfb.log")"

# The scene is the command's own default view, as a user gets it by typing pockets: cartoon, ligands as
# sticks in element colours, waters hidden, translucent pocket surfaces, centre markers and labels. The
# viewer image written by Jmol tells that the command has finished. The script must not end in a quote:
# Jmol's command-line parser strips a trailing one.
done_marker="$work/viewer.png"
threshold_cmd=""
[[ -n "${THRESHOLD:-}" ]] && threshold_cmd="pockets \"threshold\" $THRESHOLD; "
script="${threshold_cmd}pockets; write var pocketsReport \"$work/report.txt\"; write image 400 300 png \"$done_marker\"; refresh"
DISPLAY="$display" java ${JAVA_OPTS:-} -jar "$jar" -L -g "${width}x${height}" "$structure" -j "$script" \
  >"$work/jmol.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 180); do
  [[ -s "$done_marker" ]] && break
  kill -0 "$app_pid" 2>/dev/null || die "Jmol exited early: $(tail -5 "$work/jmol.log")"
  sleep 1
done
[[ -s "$done_marker" ]] || die "pockets did not finish within 180 s: $(tail -5 "$work/jmol.log")"
grep -q ' on ' "$work/report.txt" 2>/dev/null || die "pockets failed: $(head -3 "$work/report.txt" 2>/dev/null)"
cat "$work/report.txt"
sleep 3   # let the window repaint

DISPLAY="$display" import -window root -crop "$((width + 4))x$((height + 80))+0+0" +repage "$output"
echo "jmol-screenshot: wrote $output"
