#!/usr/bin/env bash
# Compiles the KNIME adapter (knime-nodes/src) against the real KNIME 5.11 API without KNIME's p2 site:
# javac reads KNIME's own sources (-sourcepath, -implicit:none: only our classes are compiled, KNIME's
# are only attributed) plus the Maven Central jars those sources import, and fails on any error or any
# use of an API deprecated for removal.
#
# Usage: tools/knime-compile-check.sh [MIRROR_DIR]
#   MIRROR_DIR  folder with git mirrors of knime/knime-core, knime-core-ui, knime-shared,
#               knime-core-table and knime-filehandling-core, as owner+name/repo (default /work/.mirror)
# Environment: KNIME_TAG (default analytics-platform/5.11.0), KNIME_CORE_TABLE_REF (default
#   releases/2025-12: knime-core-table has no 5.11 tag), JDK (default /usr/lib/jvm/temurin-25-jdk-amd64),
#   WORK (default target/knime-compile-check).
# Needs, fetched beforehand (this script fetches nothing, Maven runs offline):
#   mvn -f tools/knime-compile-check/pom.xml dependency:resolve   (the jars, from Maven Central)
#   mvn -pl shared-core package -DskipTests                        (shared-core's classes)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MIRROR=${1:-/work/.mirror}
TAG=${KNIME_TAG:-analytics-platform/5.11.0}
TABLE_REF=${KNIME_CORE_TABLE_REF:-releases/2025-12}
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=${WORK:-$ROOT/target/knime-compile-check}

die() { echo "knime-compile-check: $*" >&2; exit 2; }
[[ -x $JDK/bin/javac ]] || die "no JDK at $JDK (set JDK)"
[[ -d $ROOT/shared-core/target/classes/org/sparsepocket/table ]] ||
  die "shared-core is not built: mvn -pl shared-core package -DskipTests"

repo() { # owner+name → git dir
  local d=$MIRROR/knime+$1/repo
  [[ -d $d ]] || die "no mirror of knime/$1 at $d"
  echo "$d"
}

rm -rf "$WORK"
mkdir -p "$WORK/src" "$WORK/xmlbeans" "$WORK/classes"

# 1. KNIME's sources at the release tag (git archive: the mirrors stay untouched).
extract() { # repo ref paths...
  local r=$1 ref=$2; shift 2
  git --git-dir="$(repo "$r")" archive "$ref" "$@" 2>/dev/null | tar -x -C "$WORK/src"
}
extract knime-core "$TAG" org.knime.core/ org.knime.core.pmml/ org.knime.core.workbench/
extract knime-core-ui "$TAG" org.knime.core.ui/src/
extract knime-shared "$TAG" org.knime.core.util/ org.knime.shared.workflow.def/ org.knime.shared.workflow.storage/
extract knime-core-table "$TABLE_REF" org.knime.core.table/
extract knime-filehandling-core "$TAG" org.knime.filehandling.core/
# javac, unlike KNIME's compiler, rejects a byte-order mark; drop it in the working copy.
grep -rl $'^\xef\xbb\xbf' "$WORK/src" --include='*.java' | while read -r f; do sed -i '1s/^\xEF\xBB\xBF//' "$f"; done

# 2. Maven Central jars (offline: resolved beforehand).
CP_FILE=$WORK/maven-classpath.txt
mvn -B -o -q -f "$ROOT/tools/knime-compile-check/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null 2>&1 ||
  die "jars missing from ~/.m2: mvn -f tools/knime-compile-check/pom.xml dependency:resolve"
MAVEN_CP=$(cat "$CP_FILE")
XMLBEANS_CP=$(tr ':' '\n' < "$CP_FILE" | grep -E '/(xmlbeans|log4j-api)-' | paste -sd:)

# 3. KNIME's XMLBeans schema classes, generated from its .xsd files as its build does (the committed
#    schemas.jar files are Git LFS objects). Sources only; javac attributes what it needs.
scomp() { # out xsd...
  local out=$1; shift
  "$JDK/bin/java" -cp "$XMLBEANS_CP" org.apache.xmlbeans.impl.tool.SchemaCompiler -quiet -srconly \
    -src "$WORK/xmlbeans/$out/src" -d "$WORK/xmlbeans/$out/res" -partialMethods ALL "$@" >/dev/null 2>&1 ||
    die "XMLBeans could not compile the $out schemas"
}
mapfile -t CORE_XSD < <(find "$WORK/src/org.knime.core/src" \( -name '*.xsd' -o -name '*.xsdconfig' \) ! -path '*/pmml/schemata/*')
scomp core "${CORE_XSD[@]}"
scomp pmml "$WORK/src/org.knime.core.pmml/src/main/xsd/pmml-4-2.xsd" "$WORK/src/org.knime.core.pmml/src/main/xsd/pmml-4-2.xsdconfig"

S=$WORK/src
SOURCEPATH=$S/org.knime.core/src/eclipse:$S/org.knime.core/src-deprecated:$S/org.knime.core.ui/src/eclipse\
:$S/org.knime.core.util/src/main/java:$S/org.knime.core.util/src/generated/java\
:$S/org.knime.shared.workflow.def/src/main/java:$S/org.knime.shared.workflow.storage/src/main/java\
:$S/org.knime.core.table/src/main/java:$S/org.knime.core.workbench/src:$S/org.knime.core.pmml/src/eclipse\
:$S/org.knime.filehandling.core/src:$WORK/xmlbeans/core/src:$WORK/xmlbeans/pmml/src

# 4. Compile the adapter: Java 21 bytecode as KNIME 5.5+ runs it.
mapfile -t OURS < <(find "$ROOT/knime-nodes/src" -name '*.java' | sort)
LOG=$WORK/javac.log
set +e
"$JDK/bin/javac" --release 21 -encoding UTF-8 -proc:none -implicit:none -Xlint:deprecation,removal \
  -Xmaxerrs 1000 -Xmaxwarns 10000 -sourcepath "$SOURCEPATH" \
  -cp "$ROOT/shared-core/target/classes:$MAVEN_CP" -d "$WORK/classes" "${OURS[@]}" > "$LOG" 2>&1
rc=$?
set -e

# Only diagnostics in our files count (KNIME's own sources have warnings of their own).
ours() { grep -E "^$ROOT/knime-nodes/src/.*: $1:" "$LOG" || true; }
errors=$(ours error)
removal=$(ours warning | grep -i 'marked for removal' || true)
deprecated=$(ours warning | grep -i 'deprecated' | grep -vi 'marked for removal' || true)
classes=$(find "$WORK/classes/org/sparsepocket" -name '*.class' 2>/dev/null | wc -l)

echo "KNIME API: $TAG (knime-core, knime-core-ui, knime-shared, knime-filehandling-core), knime-core-table $TABLE_REF"
echo "javac: $("$JDK/bin/javac" -version 2>&1) --release 21; ${#OURS[@]} source files, $classes classes written"
echo "errors: $(grep -c . <<< "$errors" || true)   uses of APIs deprecated for removal: $(grep -c . <<< "$removal" || true)   uses of other deprecated APIs: $(grep -c . <<< "$deprecated" || true)"
[[ -z $errors ]] || { echo "$errors"; }
[[ -z $removal ]] || { echo "$removal"; }
[[ -z $deprecated ]] || { echo "(deprecated, not for removal:)"; echo "$deprecated"; }
if [[ $rc -ne 0 || -n $errors || -n $removal ]]; then
  echo "FAILED (full log: $LOG)"
  exit 1
fi
echo "OK"
