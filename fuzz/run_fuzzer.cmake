# SPDX-License-Identifier: MIT
# The short ctest run of one fuzzer: FUZZER for SECONDS on the committed SEEDS. New inputs and any
# crash artifact go to the scratch directory WORK (emptied first), never into the committed corpus:
# libFuzzer writes only into the first corpus directory it is given.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
          -artifact_prefix=${WORK}/ ${WORK}/corpus ${SEEDS}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); the crashing input is in ${WORK}/")
endif()
