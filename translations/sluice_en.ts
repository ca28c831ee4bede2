<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>SettingsController</name>
    <message numerus="yes">
        <location filename="../app/settings/settingscontroller.cpp" line="140"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../qml/shell/StatusBar.qml" line="102"/>
        <source>Verifier: %n batch(es) checked</source>
        <translation>
            <numerusform>Verifier: %n batch checked</numerusform>
            <numerusform>Verifier: %n batches checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerificationStore</name>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="68"/>
        <source>Fraud found by this wallet in batch %1; %n batch(es) cannot be trusted.</source>
        <translation>
            <numerusform>Fraud found by this wallet in batch %1; %n batch cannot be trusted.</numerusform>
            <numerusform>Fraud found by this wallet in batch %1; %n batches cannot be trusted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="71"/>
        <source>%n batch(es) could not be verified by this wallet.</source>
        <translation>
            <numerusform>%n batch could not be verified by this wallet.</numerusform>
            <numerusform>%n batches could not be verified by this wallet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="73"/>
        <source>All %n batch(es) holding your funds verified by this wallet.</source>
        <translation>
            <numerusform>The %n batch holding your funds is verified by this wallet.</numerusform>
            <numerusform>All %n batches holding your funds verified by this wallet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalletSession</name>
    <message numerus="yes">
        <source>Fraud found by this wallet in batch %1; %n batch(es) cannot be trusted.</source>
        <translation type="vanished">
            <numerusform>Fraud found by this wallet in batch %1; %n batch cannot be trusted.</numerusform>
            <numerusform>Fraud found by this wallet in batch %1; %n batches cannot be trusted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) could not be verified by this wallet.</source>
        <translation type="vanished">
            <numerusform>%n batch could not be verified by this wallet.</numerusform>
            <numerusform>%n batches could not be verified by this wallet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n batch(es) holding your funds verified by this wallet.</source>
        <translation type="vanished">
            <numerusform>The %n batch holding your funds is verified by this wallet.</numerusform>
            <numerusform>All %n batches holding your funds verified by this wallet.</numerusform>
        </translation>
    </message>
</context>
</TS>
