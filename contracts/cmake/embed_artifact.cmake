# SPDX-License-Identifier: MIT
# Turns a forge artifact (out/<File>.sol/<Name>.json) into C++: the creation bytecode and the ABI.
# Invoked with -DARTIFACT=… -DNAME=… -DOUT=….
file(READ "${ARTIFACT}" artifact)
string(JSON bytecode GET "${artifact}" bytecode object)
string(JSON abi GET "${artifact}" abi)
string(LENGTH "${bytecode}" length)
if(length LESS 10)
  message(FATAL_ERROR "${ARTIFACT} has no bytecode")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${ARTIFACT} by contracts/cmake/embed_artifact.cmake. Do not edit.
#include \"contracts/artifacts.hpp\"

namespace sluice::contracts {

std::string_view ${NAME}_creation_bytecode() {
    return \"${bytecode}\";
}

std::string_view ${NAME}_abi() {
    return R\"sluice_abi(${abi})sluice_abi\";
}

}  // namespace sluice::contracts
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
