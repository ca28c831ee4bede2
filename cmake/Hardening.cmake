# SPDX-License-Identifier: MIT
# Hardened binaries, as Debian's dpkg-buildflags would build them (lintian's hardening-no-bindnow,
# hardening-no-fortify-functions): position-independent executables, _FORTIFY_SOURCE=2 (needs
# optimisation, so the release preset turns this on), a stack protector on every function with an
# array or address-taken local, stack-clash protection, read-only relocations bound at start-up.
option(SLUICE_HARDENING "Build hardened binaries (PIE, FORTIFY_SOURCE, stack protector, RELRO, BIND_NOW)" OFF)
add_feature_info(hardening SLUICE_HARDENING "PIE, -D_FORTIFY_SOURCE=2, -fstack-protector-strong, -Wl,-z,relro,-z,now")
if(SLUICE_HARDENING)
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES CXX)
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  add_compile_options(-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fstack-clash-protection
                      -fcf-protection)
  add_link_options(-Wl,-z,relro -Wl,-z,now)
endif()
