# SPDX-License-Identifier: MIT
# Issue 11, item 6: colours come only from Theme.qml. Fails on a colour literal in any other QML
# file: "#rgb"/"#rrggbb"/"#aarrggbb" strings, Qt.rgba/hsla/hsva/lighter/darker/tint, and named
# colours ("white", "red", ...) given to a colour property. "transparent" is not a colour choice.
#   cmake -DQML_DIR=<source>/qml -P colours_from_theme.cmake
file(GLOB files "${QML_DIR}/*.qml" "${QML_DIR}/*/*.qml")
set(found "")
foreach(file IN LISTS files)
  get_filename_component(name "${file}" NAME)
  if(name STREQUAL "Theme.qml")
    continue()
  endif()
  file(STRINGS "${file}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "^[ \t]*//")
      continue()
    endif()
    if(line MATCHES "\"#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]" OR line MATCHES "Qt\\.(rgba|hsla|hsva|lighter|darker|tint)\\("
       OR line MATCHES "([cC]olor|[bB]ackground|[fF]oreground|accent|primary)[ \t]*:.*\"(white|black|red|green|blue|gray|grey|yellow|orange|purple|pink|cyan|magenta|navy|teal|silver|maroon|olive|lime)\"")
      string(STRIP "${line}" shown)
      list(APPEND found "${name}:${number}: ${shown}")
    endif()
  endforeach()
endforeach()
if(found)
  list(JOIN found "\n" text)
  message(FATAL_ERROR "colour literals outside Theme.qml (add a Theme token instead):\n${text}")
endif()
list(LENGTH files count)
message(STATUS "${count} QML files: every colour comes from Theme")
