# SPDX-License-Identifier: MIT
# A suite that cannot run never passes quietly (issue 16, item 7). When a tool or part a suite needs
# is missing at configure time, CI (the environment variable CI set to true or 1, which .ci/run
# sets) fails to configure; elsewhere the suite is replaced by one test, <suite>_unavailable, that
# ctest reports as skipped with the reason. At run time the tests do the same through
# tests/support/prerequisite.hpp: a failure under CI, a skip elsewhere, never a pass.

if("$ENV{CI}" STREQUAL "true" OR "$ENV{CI}" STREQUAL "1")
  set(SLUICE_CI ON)
else()
  set(SLUICE_CI OFF)
endif()

# Tools of the process suites (the L1 toolchain is found in Dependencies.cmake).
find_program(SLUICE_JQ jq)
find_program(SLUICE_CURL curl)

# What ctest counts as skipped in any test's output: QtTest's and QuickTest's "SKIP   :", the
# shell suites' "SLUICE-SKIP:" (GoogleTest's own "[  SKIPPED ]" is set by gtest_discover_tests).
set(SLUICE_SKIP_OUTPUT "SKIP   : |SLUICE-SKIP: ")

function(sluice_suite_unavailable suite reason)
  if(SLUICE_CI)
    message(FATAL_ERROR "The ${suite} tests cannot run: ${reason}. Under CI every suite must run.")
  endif()
  message(WARNING "The ${suite} tests cannot run and will be reported as skipped: ${reason}")
  add_test(NAME ${suite}_unavailable COMMAND ${CMAKE_COMMAND} -E echo "SLUICE-SKIP: ${reason}")
  set_tests_properties(${suite}_unavailable PROPERTIES SKIP_REGULAR_EXPRESSION "SLUICE-SKIP: " LABELS ${suite})
endfunction()

# Marks skips in the output of every test of the current directory. Each tests/ directory defers a
# call to it (cmake_language(DEFER CALL sluice_mark_skips)): CMake 3.25 sets test properties only
# from the directory that added the test.
function(sluice_mark_skips)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    get_test_property(${test} SKIP_REGULAR_EXPRESSION existing)
    if(NOT existing)
      set_tests_properties(${test} PROPERTIES SKIP_REGULAR_EXPRESSION "${SLUICE_SKIP_OUTPUT}")
    endif()
  endforeach()
endfunction()
