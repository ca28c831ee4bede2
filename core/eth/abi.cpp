// SPDX-License-Identifier: MIT
#include "core/eth/abi.hpp"
