# SPDX-License-Identifier: MIT
# Every outside dependency in one place, each with the reason Sluice needs it.
# scripts/setup.sh installs them all on Debian 12.

find_package(PkgConfig REQUIRED)

pkg_check_modules(SECP256K1 REQUIRED IMPORTED_TARGET libsecp256k1)
add_feature_info(libsecp256k1 SECP256K1_FOUND "ECDSA signing and recovery (Debian: libsecp256k1-dev)")

find_package(OpenSSL 3.0 REQUIRED COMPONENTS Crypto)
set_package_properties(OpenSSL PROPERTIES TYPE REQUIRED
  PURPOSE "PBKDF2, scrypt, AES-128-CTR, HMAC-SHA512, random numbers, wiping secrets (Debian: libssl-dev)")

find_package(Boost 1.74 REQUIRED)
set_package_properties(Boost PROPERTIES TYPE REQUIRED
  PURPOSE "Boost.Multiprecision for 256-bit amounts (Debian: libboost-dev)")

find_package(nlohmann_json 3.10 REQUIRED)
set_package_properties(nlohmann_json PROPERTIES TYPE REQUIRED
  PURPOSE "JSON for keystores, EIP-712 documents and test vectors (Debian: nlohmann-json3-dev)")

set(SLUICE_QT_COMPONENTS Core Network WebSockets Sql)
if(SLUICE_BUILD_GUI)
  list(APPEND SLUICE_QT_COMPONENTS Gui Widgets Qml Quick QuickControls2 LinguistTools DBus)
  # QR codes on the receive page (Debian: libqrencode-dev).
  pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
endif()
if(SLUICE_BUILD_TESTS)
  list(APPEND SLUICE_QT_COMPONENTS Test)
  if(SLUICE_BUILD_GUI)
    list(APPEND SLUICE_QT_COMPONENTS QuickTest)
  endif()
endif()
find_package(Qt6 6.4 REQUIRED COMPONENTS ${SLUICE_QT_COMPONENTS})
set_package_properties(Qt6 PROPERTIES TYPE REQUIRED
  PURPOSE "Services, CLI and the QML desktop app (Debian: qt6-*-dev, qml6-module-*)")

if(SLUICE_BUILD_TESTS)
  find_package(GTest REQUIRED)
  set_package_properties(GTest PROPERTIES TYPE REQUIRED
    PURPOSE "Table-driven core tests over the official vectors (Debian: libgtest-dev)")
endif()
if(SLUICE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
  set_package_properties(benchmark PROPERTIES TYPE REQUIRED
    PURPOSE "Micro-benchmarks in bench/ (Debian: libbenchmark-dev)")
endif()

# The pinned L1 toolchain from contracts/package.json (npm ci in scripts/setup.sh).
set(SLUICE_TOOLCHAIN_BIN "${PROJECT_SOURCE_DIR}/contracts/node_modules/.bin")
find_program(SLUICE_ANVIL anvil PATHS "${SLUICE_TOOLCHAIN_BIN}" NO_DEFAULT_PATH)
find_program(SLUICE_CAST cast PATHS "${SLUICE_TOOLCHAIN_BIN}" NO_DEFAULT_PATH)
add_feature_info(anvil SLUICE_ANVIL "local L1 for end-to-end tests (npm: @foundry-rs/anvil-linux-amd64)")
add_feature_info(cast SLUICE_CAST "peer implementation the tests compare against (npm: @foundry-rs/cast-linux-amd64)")
# A build-tree sluiced may fall back on the pinned anvil above (dev and test builds, scripts/run.sh).
# Off in the release preset: a shipped binary names no path of the machine that built it; it finds
# the anvil the package bundles next to itself (<exe dir>/../lib/sluice-wallet/anvil), $SLUICE_ANVIL
# or one on PATH (node/devnet/devnet.cpp).
option(SLUICE_BUILD_TREE_ANVIL "Let sluiced fall back on the build tree's pinned anvil (not for packages)" ON)
add_feature_info(build-tree-anvil SLUICE_BUILD_TREE_ANVIL "sluiced --devnet may use ${SLUICE_TOOLCHAIN_BIN}/anvil")

# Compiler warnings for our own targets.
add_library(sluice_warnings INTERFACE)
target_compile_options(sluice_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
