# SPDX-License-Identifier: MIT
# Turns the committed BIP-39 word list into a C++ initialiser list at build time, checking that it
# is the list BIP-39 defines the checksum over: 2048 sorted, unique, lower-case ASCII words.
# Usage: cmake -DINPUT=<words.txt> -DOUTPUT=<file.inc> -P embed_wordlist.cmake
file(STRINGS "${INPUT}" words)
list(LENGTH words count)
if(NOT count EQUAL 2048)
  message(FATAL_ERROR "${INPUT}: expected 2048 words, found ${count}")
endif()
set(previous "")
set(body "")
foreach(word IN LISTS words)
  if(NOT word MATCHES "^[a-z]+$")
    message(FATAL_ERROR "${INPUT}: '${word}' is not a lower-case ASCII word")
  endif()
  if(NOT previous STREQUAL "" AND NOT previous STRLESS word)
    message(FATAL_ERROR "${INPUT}: '${word}' is out of order or repeated")
  endif()
  set(previous "${word}")
  string(APPEND body "\"${word}\",\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from bip39_english.txt by embed_wordlist.cmake. Do not edit.\n${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
