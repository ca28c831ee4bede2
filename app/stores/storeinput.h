// SPDX-License-Identifier: MIT
#pragma once
// The one rule for a controller's required store inputs (their setters): a new store replaces
// the old one, and the connections the owner made to the old one go with it.

#include <QObject>

// Puts `store` into `slot` and drops `owner`'s connections to the store it held; false (and
// nothing done) when `slot` already holds `store`. The caller then connects to the new store.
template <typename Store>
bool replaceStore(Store*& slot, Store* store, QObject* owner) {
    if (store == slot) return false;
    if (slot) QObject::disconnect(slot, nullptr, owner, nullptr);
    slot = store;
    return true;
}
