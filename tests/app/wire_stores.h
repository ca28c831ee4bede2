// SPDX-License-Identifier: MIT
#pragma once
// What QML does for the pages, for controllers the tests make in C++: every required store
// property (session, wallet, settings, l1, l2, verification, channels, bridge, activity/journal, app) is set to the app's
// own, by name, so a test names only the controller.

#include <QMetaProperty>
#include <QObject>
#include <QVariant>

#include "appcontext.h"
#include "walletsession.h"

template <typename Controller>
Controller& wireStores(Controller& controller) {
    AppContext* app = AppContext::instance();
    const QVariantMap stores{
        {QStringLiteral("session"), QVariant::fromValue(WalletSession::instance())},
        {QStringLiteral("wallet"), QVariant::fromValue(app->store())},
        {QStringLiteral("settings"), QVariant::fromValue(app->settings())},
        {QStringLiteral("l1"), QVariant::fromValue(app->l1())},
        {QStringLiteral("l2"), QVariant::fromValue(app->l2())},
        {QStringLiteral("verification"), QVariant::fromValue(app->verification())},
        {QStringLiteral("channels"), QVariant::fromValue(app->channels())},
        {QStringLiteral("bridge"), QVariant::fromValue(app->bridge())},
        {QStringLiteral("activity"), QVariant::fromValue(app->activity())},
        {QStringLiteral("journal"), QVariant::fromValue(app->activity())},
        {QStringLiteral("app"), QVariant::fromValue(app)},
    };
    const QMetaObject* meta = controller.metaObject();
    for (int i = meta->propertyOffset(); i < meta->propertyCount(); ++i) {
        const QMetaProperty property = meta->property(i);
        if (property.isRequired()) property.write(&controller, stores.value(QString::fromLatin1(property.name())));
    }
    return controller;
}

// The session's test-only door (WalletSession declares it its friend).
struct WalletSessionTestAccess {
    static void connectTo(const sluice::NetworkConfig& config, const sluice::RollupParameters& params) {
        WalletSession::instance()->connectTo(config, params);
    }
};
