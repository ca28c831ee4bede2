// SPDX-License-Identifier: MIT
#include "core/eth/eip712.hpp"
