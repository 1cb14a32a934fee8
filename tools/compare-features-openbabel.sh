#!/usr/bin/env bash
# Re-runs the check of SparsePocket's residue-template features against Open Babel (docs/features.md).
# Needs Debian's Open Babel with its Python bindings:  apt-get install -y openbabel python3-openbabel
# Usage: tools/compare-features-openbabel.sh [report.md]   (default: print the report)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl cli -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
table=$(mktemp)
trap 'rm -f "$table"' EXIT
java -cp "cli/target/classes:shared-core/target/classes:$(cat cli/target/cp.txt)" \
    org.sparsepocket.cli.SparsePocketCli feature-table --json > "$table"
if [ $# -ge 1 ]; then
    /usr/bin/python3 tools/compare_features_openbabel.py "$table" > "$1"
else
    /usr/bin/python3 tools/compare_features_openbabel.py "$table"
fi
