#!/usr/bin/env bash
# Runs hum's jcstress tests: installs hum from the top level, packages target/jcstress.jar, runs the dev.hum tests
# in the given jcstress mode and exits non-zero if any test FAILED or ERRORED.
#
#   jcstress/run.sh            CI mode "ci": jcstress's quick preset cut to 2 iterations of 100 ms (about 4 min
#                              on 2 cores; plain "quick" takes about 9.5 min there)
#   jcstress/run.sh quick      jcstress's quick preset as it is
#   jcstress/run.sh tough      the long run (tens of minutes), before a release or after touching a barrier
#   TESTS='LogBuffer' jcstress/run.sh quick -v   only the tests matching the regex; extra arguments go to jcstress
#                                                (all but -t, which jcstress accepts once)
#
# jcstress 0.16 reports FAILED and ERROR tests by ending main with "AssertionError: TEST FAILURES" (exit code 1,
# checked on a deliberately broken test); this script keeps that exit code and also reads the summary, so a run
# that tested nothing or lost a result fails too: the "Failed tests" and "Error tests" sections must say
# "No matches." and the last progress line must show every planned result passed.
# The console output is kept in jcstress/target/jcstress-<mode>.log, the HTML report in jcstress/target/results-<mode>/.
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-ci}"
[ $# -gt 0 ] && shift
case "$mode" in
  ci) preset=(-m quick -iters 2 -time 100) ;;
  sanity|quick|default|tough|stress) preset=(-m "$mode") ;;
  *) echo "run.sh: unknown mode '$mode' (ci, sanity, quick, default, tough, stress)" >&2; exit 2 ;;
esac

(cd .. && mvn -B -q -DskipTests install)
mvn -B -q package

log="target/jcstress-$mode.log"
start=$(date +%s)
java_status=0
java -jar target/jcstress.jar "${preset[@]}" -t "${TESTS:-^dev\.hum\.jcstress\.}" -r "target/results-$mode" "$@" 2>&1 | tee "$log" \
  || java_status=$?
echo "run.sh: jcstress ${preset[*]} took $(( $(date +%s) - start )) s"

summary=$(grep -E '^\(Results: ' "$log" | tail -1 || true)
status=0
if [ $java_status != 0 ]; then
  echo "run.sh: jcstress exited with status $java_status" >&2
  status=1
fi
if ! grep -q '^  Failed tests: No matches\.' "$log"; then
  echo "run.sh: FAILED tests (see 'Failed tests' above and $log)" >&2
  status=1
fi
if ! grep -q '^  Error tests: No matches\.' "$log"; then
  echo "run.sh: ERROR tests (see 'Error tests' above and $log)" >&2
  status=1
fi
if [[ ! "$summary" =~ ^\(Results:\ ([0-9]+)\ planned\;\ ([0-9]+)\ passed,\ 0\ failed,\ 0\ soft\ errs,\ 0\ hard\ errs\)$ ]] \
    || [ "${BASH_REMATCH[1]}" = 0 ] || [ "${BASH_REMATCH[1]}" != "${BASH_REMATCH[2]}" ]; then
  echo "run.sh: not every planned result passed: ${summary:-no summary line}" >&2
  status=1
fi
[ $status = 0 ] && echo "run.sh: all jcstress tests passed ($summary)"
exit $status
