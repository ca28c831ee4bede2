<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDelegate</name>
    <message>
        <location filename="../qml/accounts/AccountDelegate.qml" line="100"/>
        <location filename="../qml/accounts/AccountDelegate.qml" line="102"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountDelegate.qml" line="25"/>
        <source>Balance unavailable</source>
        <extracomment>Shown instead of a balance when the node could not be asked</extracomment>
        <translation>Guthaben nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountDelegate.qml" line="126"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountDelegate.qml" line="132"/>
        <source>on L1</source>
        <extracomment>Small caption under a balance: the network it is on</extracomment>
        <translation>auf L1</translation>
    </message>
</context>
<context>
    <name>AccountPicker</name>
    <message>
        <location filename="../qml/common/AccountPicker.qml" line="12"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/common/AccountPicker.qml" line="32"/>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../app/accounts/accountsmodel.cpp" line="57"/>
        <source>%1 ETH</source>
        <extracomment>A balance in ether; %1 is an exact decimal amount such as 1.5</extracomment>
        <translation>%1 ETH</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="18"/>
        <source>Address copied to the clipboard</source>
        <translation>Adresse in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="36"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="44"/>
        <source>Balances on Ethereum (L1), updated with every new block</source>
        <translation>Guthaben auf Ethereum (L1), aktualisiert mit jedem neuen Block</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="66"/>
        <source>+  Add account</source>
        <translation>+  Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="95"/>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
    <message>
        <location filename="../qml/accounts/AccountsPage.qml" line="54"/>
        <source>DEV FIXTURE — public test keys</source>
        <extracomment>Shown while the wallet is the one made from the public test mnemonic (&quot;test test ... junk&quot;)</extracomment>
        <translation>DEV-FIXTURE — öffentliche Testschlüssel</translation>
    </message>
</context>
<context>
    <name>ActivityDelegate</name>
    <message>
        <location filename="../qml/activity/ActivityDelegate.qml" line="97"/>
        <source>Channel</source>
        <extracomment>Badge of an activity entry that happened in a payment channel (not on L1 or L2)</extracomment>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDelegate.qml" line="108"/>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDelegate.qml" line="108"/>
        <source>to %1</source>
        <translation>an %1</translation>
    </message>
</context>
<context>
    <name>ActivityDetailDialog</name>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="51"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="53"/>
        <source>Amount</source>
        <extracomment>The amount moved; %1 an exact amount</extracomment>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="53"/>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="60"/>
        <source>%1 ETH</source>
        <translation>%1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="55"/>
        <source>L1 transaction</source>
        <translation>L1-Transaktion</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="55"/>
        <source>L2 transaction</source>
        <translation>L2-Transaktion</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="55"/>
        <source>Channel (and state)</source>
        <translation>Kanal (und Stand)</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="57"/>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="57"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="60"/>
        <source>Fee paid</source>
        <extracomment>The network fee this transaction paid</extracomment>
        <translation>Bezahlte Gebühr</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="62"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="63"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="63"/>
        <source>Credited to</source>
        <translation>Gutgeschrieben an</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="63"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="66"/>
        <source>Paid out on L1 by</source>
        <extracomment>The matching transaction on the other layer (a withdrawal&apos;s payout on L1)</extracomment>
        <translation>Auf L1 ausgezahlt durch</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="68"/>
        <source>Credited on L2</source>
        <extracomment>%1 a block number on L2</extracomment>
        <translation>Auf L2 gutgeschrieben</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="68"/>
        <source>in block #%1</source>
        <translation>in Block #%1</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityDetailDialog.qml" line="90"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="121"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="122"/>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="123"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="124"/>
        <source>finalized</source>
        <translation>ausgezahlt</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="125"/>
        <source>credited</source>
        <translation>gutgeschrieben</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="126"/>
        <source>in window</source>
        <translation>im Zeitfenster</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="127"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="128"/>
        <source>batch reverted</source>
        <translation>Batch rückgängig</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="130"/>
        <source>submitted</source>
        <extracomment>Status of a deposit: sent to L1, not yet mined</extracomment>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="132"/>
        <source>queued</source>
        <extracomment>Status of a deposit: in the rollup&apos;s L1 queue, not yet credited on L2</extracomment>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="134"/>
        <source>initiated</source>
        <extracomment>Status of a withdrawal: sent on L2, not yet in a batch</extracomment>
        <translation>veranlasst</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="136"/>
        <source>posted</source>
        <extracomment>Status of a withdrawal: its batch is on L1</extracomment>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="138"/>
        <source>re-included</source>
        <extracomment>Status of a withdrawal: its batch was reverted and it was posted again</extracomment>
        <translation>erneut aufgenommen</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="156"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="157"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="158"/>
        <source>Deposit</source>
        <translation>Einzahlung</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="159"/>
        <source>Withdrawal</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="160"/>
        <source>Channel opened</source>
        <translation>Kanal geöffnet</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="162"/>
        <source>Received over a channel</source>
        <translation>Über einen Kanal empfangen</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="162"/>
        <source>Paid over a channel</source>
        <translation>Über einen Kanal gezahlt</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="163"/>
        <source>Channel closing</source>
        <translation>Kanal wird geschlossen</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="165"/>
        <source>Stale close disputed</source>
        <extracomment>A channel&apos;s close with an older state was answered with the newest one</extracomment>
        <translation>Veralteten Abschluss angefochten</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="166"/>
        <source>Channel paid out</source>
        <translation>Kanal ausgezahlt</translation>
    </message>
    <message>
        <location filename="../app/activity/activitymodel.cpp" line="343"/>
        <location filename="../app/activity/activitymodel.cpp" line="349"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="16"/>
        <location filename="../qml/activity/ActivityPage.qml" line="95"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="19"/>
        <source>Everything on Ethereum (L1) and Sluice (L2): %1 entries</source>
        <extracomment>%1 is the number of entries</extracomment>
        <translation>Alles auf Ethereum (L1) und Sluice (L2): %1 Einträge</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="21"/>
        <source>%1 of %2 entries shown</source>
        <extracomment>%1 shown entries, %2 all entries</extracomment>
        <translation>%1 von %2 Einträgen angezeigt</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="28"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="37"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="45"/>
        <source>All networks</source>
        <translation>Alle Netze</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="46"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="47"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="60"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="61"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="62"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="63"/>
        <source>Deposits</source>
        <translation>Einzahlungen</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="64"/>
        <source>Withdrawals</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="65"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="109"/>
        <source>Nothing yet. Payments, deposits and withdrawals appear here as they happen.</source>
        <translation>Noch nichts. Zahlungen, Ein- und Auszahlungen erscheinen hier, sobald sie geschehen.</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="110"/>
        <source>Nothing matches these filters.</source>
        <translation>Nichts passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="119"/>
        <source>Export activity as CSV</source>
        <translation>Aktivität als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../qml/activity/ActivityPage.qml" line="122"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/shell/AppHeader.qml" line="46"/>
        <source>Ethereum L2 wallet &amp; bridge</source>
        <extracomment>Tagline next to the app name in the header</extracomment>
        <translation>Ethereum-L2-Wallet &amp; Bridge</translation>
    </message>
    <message>
        <location filename="../qml/shell/AppHeader.qml" line="66"/>
        <location filename="../qml/shell/AppHeader.qml" line="68"/>
        <source>Lock the wallet</source>
        <translation>Wallet sperren</translation>
    </message>
    <message>
        <location filename="../qml/shell/AppHeader.qml" line="58"/>
        <source>DEV FIXTURE — public test keys</source>
        <extracomment>Shown while the wallet is the one made from the public test mnemonic (&quot;test test ... junk&quot;)</extracomment>
        <translation>DEV-FIXTURE — öffentliche Testschlüssel</translation>
    </message>
</context>
<context>
    <name>BatchDelegate</name>
    <message>
        <location filename="../qml/batches/BatchDelegate.qml" line="70"/>
        <source>Batch %1, %2 transactions, %3</source>
        <translation>Batch %1, %2 Transaktionen, %3</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDelegate.qml" line="43"/>
        <source>Copy state root</source>
        <translation>State-Root kopieren</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDelegate.qml" line="147"/>
        <source>Challenge window %1 % elapsed</source>
        <translation>Anfechtungsfrist zu %1 % verstrichen</translation>
    </message>
</context>
<context>
    <name>BatchDetailDialog</name>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="29"/>
        <source>Batch #%1</source>
        <extracomment>%1 is a batch number</extracomment>
        <translation>Batch #%1</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="44"/>
        <source>verified by this wallet</source>
        <translation>von dieser Wallet geprüft</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="45"/>
        <source>fraud found by this wallet</source>
        <translation>Betrug von dieser Wallet gefunden</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="46"/>
        <source>not verifiable</source>
        <translation>nicht prüfbar</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="47"/>
        <source>not yet verified</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="61"/>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="63"/>
        <source>Posted</source>
        <extracomment>When the batch was posted to L1</extracomment>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="65"/>
        <source>Final at</source>
        <extracomment>When its challenge window ends</extracomment>
        <translation>Endgültig am</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="66"/>
        <source>L1 block</source>
        <translation>L1-Block</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="67"/>
        <source>State root</source>
        <translation>State-Root</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="68"/>
        <source>Previous root</source>
        <translation>Vorherige Root</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="69"/>
        <source>Withdrawal root</source>
        <translation>Auszahlungs-Root</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="70"/>
        <source>Transaction root</source>
        <translation>Transaktions-Root</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="71"/>
        <source>L1 transaction</source>
        <translation>L1-Transaktion</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchDetailDialog.qml" line="91"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>BatchHeaderRow</name>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="34"/>
        <source>Batch</source>
        <extracomment>Column caption: batch number</extracomment>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="40"/>
        <source>Txs</source>
        <extracomment>Column caption: number of transactions</extracomment>
        <translation>Tx</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="47"/>
        <source>State root</source>
        <translation>State-Root</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="54"/>
        <source>Age</source>
        <extracomment>Column caption: how long ago the batch was posted</extracomment>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="56"/>
        <source>Challenge window</source>
        <translation>Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchHeaderRow.qml" line="63"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>BatchesModel</name>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="120"/>
        <source>%1s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="121"/>
        <source>%1m %2s ago</source>
        <translation>vor %1 min %2 s</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="122"/>
        <source>%1h %2m ago</source>
        <translation>vor %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="123"/>
        <source>%1d %2h ago</source>
        <translation>vor %1 d %2 h</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="160"/>
        <source>Fraud</source>
        <translation>Betrug</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="162"/>
        <source>In challenge window</source>
        <translation>In der Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="163"/>
        <source>Final</source>
        <translation>Endgültig</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="164"/>
        <source>Challenged</source>
        <translation>Angefochten</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="165"/>
        <source>Fraud proven, reverted</source>
        <translation>Betrug bewiesen, rückgängig gemacht</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="166"/>
        <source>Not verifiable by this wallet</source>
        <translation>Von dieser Wallet nicht prüfbar</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="174"/>
        <source>verified by this wallet</source>
        <translation>von dieser Wallet geprüft</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="175"/>
        <source>fraud found by this wallet</source>
        <translation>von dieser Wallet als Betrug erkannt</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="176"/>
        <source>cannot be verified: it follows a bad batch</source>
        <translation>nicht prüfbar: folgt auf einen fehlerhaften Batch</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="179"/>
        <source>not yet re-executed by this wallet</source>
        <translation>von dieser Wallet noch nicht nachgerechnet</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="184"/>
        <source>reverted</source>
        <translation>zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="188"/>
        <source>final since %1</source>
        <extracomment>%1 a local time like 10:31: the batch became final then</extracomment>
        <translation>endgültig seit %1</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="190"/>
        <source>final %1 · %2 left</source>
        <extracomment>%1 a local time like 10:31, %2 the time left like &quot;4m 10s&quot;</extracomment>
        <translation>endgültig %1 · noch %2</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="331"/>
        <source>Its proposer claims a balance state that its own transactions do not produce: this wallet replayed them from the data on L1 and got a different result. If nobody proves it in time, the wrong state becomes final and withdrawals based on it could be paid out.</source>
        <translation>Sein Proposer behauptet einen Kontostand, den seine eigenen Transaktionen nicht ergeben: Diese Wallet hat sie aus den Daten auf L1 nachgerechnet und ein anderes Ergebnis erhalten. Beweist das niemand rechtzeitig, wird der falsche Zustand endgültig, und darauf beruhende Auszahlungen könnten ausgezahlt werden.</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="376"/>
        <source>%1 gas, at most %2 ETH</source>
        <extracomment>%1 a gas amount, %2 an amount of ETH</extracomment>
        <translation>%1 Gas, höchstens %2 ETH</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="386"/>
        <source>Not connected to the network.</source>
        <translation>Nicht mit dem Netz verbunden.</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="389"/>
        <source>This wallet has no fraud proof for batch %1.</source>
        <translation>Diese Wallet hat keinen Betrugsbeweis für Batch %1.</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="393"/>
        <source>The wallet has no account to pay for the proof.</source>
        <translation>Die Wallet hat kein Konto, das den Beweis bezahlen kann.</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="409"/>
        <source>Unlock the wallet to send the fraud proof.</source>
        <translation>Entsperren Sie die Wallet, um den Betrugsbeweis zu senden.</translation>
    </message>
    <message>
        <location filename="../app/batches/batchesmodel.cpp" line="428"/>
        <source>The fraud proof transaction reverted (someone may have proven it first).</source>
        <translation>Die Betrugsbeweis-Transaktion ist gescheitert (vielleicht hat jemand den Betrug schon bewiesen).</translation>
    </message>
</context>
<context>
    <name>BatchesPage</name>
    <message>
        <location filename="../qml/batches/BatchesPage.qml" line="16"/>
        <location filename="../qml/batches/BatchesPage.qml" line="69"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchesPage.qml" line="18"/>
        <source>State commitments posted to Ethereum. Each one can be challenged for %1; this wallet re-executes every batch itself.</source>
        <extracomment>%1 is the challenge period, e.g. &quot;1m 0s&quot;</extracomment>
        <translation>Auf Ethereum veröffentlichte Zustands-Commitments. Jedes kann %1 lang angefochten werden; diese Wallet rechnet jeden Batch selbst nach.</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchesPage.qml" line="82"/>
        <source>Loading batches…</source>
        <translation>Batches werden geladen …</translation>
    </message>
    <message>
        <location filename="../qml/batches/BatchesPage.qml" line="82"/>
        <source>No batches posted yet. The node posts one after the first L2 transactions.</source>
        <translation>Noch keine Batches veröffentlicht. Der Knoten veröffentlicht einen nach den ersten L2-Transaktionen.</translation>
    </message>
</context>
<context>
    <name>BridgeController</name>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="217"/>
        <source>Arrives on L1 at %1 once its batch is posted and has passed the %2 challenge period: at %3 at the earliest. You finalize it then, on this page.</source>
        <extracomment>%1 a shortened address, %2 the challenge period like &quot;7d 0h 0m&quot;, %3 a local date and time</extracomment>
        <translation>Kommt auf L1 bei %1 an, sobald sein Batch veröffentlicht ist und die Anfechtungsfrist von %2 abgelaufen ist: frühestens am %3. Sie schließen ihn dann auf dieser Seite ab.</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="228"/>
        <location filename="../app/bridge/bridgecontroller.cpp" line="293"/>
        <source>Unlock the wallet first.</source>
        <translation>Entsperren Sie zuerst die Wallet.</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="257"/>
        <source>Arrives on L2 at %1 within about %2 of the deposit being mined on L1.</source>
        <extracomment>%1 a shortened address, %2 a time span like &quot;30s&quot;</extracomment>
        <translation>Kommt auf L2 bei %1 an, etwa %2 nachdem die Einzahlung auf L1 aufgenommen wurde.</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="260"/>
        <source>Deposit from L1 to L2</source>
        <translation>Von L1 auf L2 einzahlen</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="268"/>
        <source>Withdraw to L1, queued through L1 (forced inclusion)</source>
        <translation>Auf L1 auszahlen, über L1 eingereiht (erzwungene Aufnahme)</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="273"/>
        <source>Withdraw from L2 to L1</source>
        <translation>Von L2 auf L1 auszahlen</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="279"/>
        <source>Not connected to the network.</source>
        <translation>Nicht mit dem Netz verbunden.</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="280"/>
        <source>This withdrawal cannot be finalized yet.</source>
        <translation>Diese Auszahlung kann noch nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="298"/>
        <source>Finalize the withdrawal: pay it out on L1</source>
        <extracomment>%1 a shortened address</extracomment>
        <translation>Auszahlung abschließen: auf L1 auszahlen</translation>
    </message>
    <message>
        <location filename="../app/bridge/bridgecontroller.cpp" line="299"/>
        <source>Pays the amount out to %1 on L1 in this transaction.</source>
        <translation>Zahlt den Betrag mit dieser Transaktion an %1 auf L1 aus.</translation>
    </message>
</context>
<context>
    <name>BridgeForm</name>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="93"/>
        <source>Send through L1 (if the sequencer ignores this account)</source>
        <extracomment>Forced inclusion: the withdrawal goes through Ethereum instead of the rollup&apos;s sequencer</extracomment>
        <translation>Über L1 senden (falls der Sequencer dieses Konto ignoriert)</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="100"/>
        <source>The signed withdrawal is queued on Ethereum (this costs L1 gas). The sequencer must include it within %1 or its batches are refused; if the operator stops entirely, the escape hatch opens.</source>
        <extracomment>%1 is the rollup&apos;s inclusion delay, e.g. &quot;30s&quot;</extracomment>
        <translation>Die signierte Auszahlung wird auf Ethereum eingereiht (das kostet L1-Gas). Der Sequencer muss sie innerhalb von %1 aufnehmen, sonst werden seine Batches abgelehnt; stellt der Betreiber den Dienst ganz ein, öffnet sich der Notausgang.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="30"/>
        <source>Deposit  L1 → L2</source>
        <extracomment>Tab: move funds from Ethereum to the rollup</extracomment>
        <translation>Einzahlen  L1 → L2</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="31"/>
        <source>Deposit from L1 to L2</source>
        <translation>Von L1 auf L2 einzahlen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="37"/>
        <source>Withdraw  L2 → L1</source>
        <extracomment>Tab: move funds from the rollup back to Ethereum</extracomment>
        <translation>Auszahlen  L2 → L1</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="38"/>
        <source>Withdraw from L2 to L1</source>
        <translation>Von L2 auf L1 auszahlen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="50"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="56"/>
        <source>Amount (ETH)</source>
        <translation>Betrag (ETH)</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="60"/>
        <source>Available on L1: %1 ETH</source>
        <translation>Verfügbar auf L1: %1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="60"/>
        <source>Available on L2: %1 ETH</source>
        <translation>Verfügbar auf L2: %1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="64"/>
        <source>Exactly %1 ETH</source>
        <extracomment>%1 is the exact balance with every decimal</extracomment>
        <translation>Genau %1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="74"/>
        <source>Credit on L2 to (optional)</source>
        <translation>Auf L2 gutschreiben an (optional)</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="75"/>
        <source>Leave empty to credit the same account on L2.</source>
        <translation>Leer lassen, um dasselbe Konto auf L2 gutzuschreiben.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="85"/>
        <source>A withdrawal is paid out on L1 only after its batch has passed the challenge period (%1). You then finalize it here; the countdown shows the exact time.</source>
        <extracomment>%1 is the challenge period, e.g. &quot;1m 0s&quot;</extracomment>
        <translation>Eine Auszahlung wird auf L1 erst ausgezahlt, wenn ihr Batch die Anfechtungsfrist (%1) überstanden hat. Dann schließen Sie sie hier ab; der Countdown zeigt den genauen Zeitpunkt.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="115"/>
        <source>Submitted: %1</source>
        <extracomment>%1 is a transaction hash</extracomment>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="130"/>
        <source>Deposit</source>
        <translation>Einzahlen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgeForm.qml" line="130"/>
        <source>Withdraw</source>
        <translation>Auszahlen</translation>
    </message>
</context>
<context>
    <name>BridgePage</name>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="12"/>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="15"/>
        <source>Deposits arrive on L2 within a few blocks. Withdrawals can be paid out on L1 once their batch has passed the %1 challenge period.</source>
        <extracomment>%1 is the challenge period read from the contract, e.g. &quot;1m 0s&quot; or &quot;7d 0h&quot;</extracomment>
        <translation>Einzahlungen kommen auf L2 innerhalb weniger Blöcke an. Auszahlungen können auf L1 ausgezahlt werden, sobald ihr Batch die Anfechtungsfrist von %1 überstanden hat.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="16"/>
        <source>Deposits arrive on L2 within a few blocks. Withdrawals can be paid out on L1 once their batch has passed the challenge period.</source>
        <translation>Einzahlungen kommen auf L2 innerhalb weniger Blöcke an. Auszahlungen können auf L1 ausgezahlt werden, sobald ihr Batch die Anfechtungsfrist überstanden hat.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="27"/>
        <source>Withdrawal paid out on L1</source>
        <translation>Auszahlung auf L1 ausgezahlt</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="62"/>
        <source>Transfers</source>
        <translation>Überweisungen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="63"/>
        <source>One withdrawal is ready to finalize.</source>
        <translation>Eine Auszahlung kann abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="65"/>
        <source>%1 withdrawals are ready to finalize.</source>
        <extracomment>%1 is a number greater than one</extracomment>
        <translation>%1 Auszahlungen können abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="75"/>
        <source>No deposits or withdrawals yet.</source>
        <translation>Noch keine Ein- oder Auszahlungen.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/BridgePage.qml" line="84"/>
        <source>Finalize all %1 ready</source>
        <extracomment>%1 is the number of withdrawals ready to be paid out on L1</extracomment>
        <translation>Alle %1 bereiten abschließen</translation>
    </message>
</context>
<context>
    <name>ChainStore</name>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="19"/>
        <source>Ethereum mainnet</source>
        <translation>Ethereum-Mainnet</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="20"/>
        <source>Sepolia testnet</source>
        <translation>Sepolia-Testnetz</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="21"/>
        <source>Holesky testnet</source>
        <translation>Holesky-Testnetz</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="22"/>
        <source>Hoodi testnet</source>
        <translation>Hoodi-Testnetz</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="23"/>
        <source>Anvil devnet</source>
        <translation>Anvil-Devnet</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="24"/>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <location filename="../app/stores/chainstore.cpp" line="27"/>
        <source>%1 (chain %2)</source>
        <extracomment>%1 is a network name such as &quot;Sepolia testnet&quot;, %2 its numeric chain id</extracomment>
        <translation>%1 (Chain %2)</translation>
    </message>
</context>
<context>
    <name>ChannelDelegate</name>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="48"/>
        <source>Channel with the hub, yours %1, %2</source>
        <extracomment>%1 my balance in the channel, %2 the channel&apos;s state</extracomment>
        <translation>Kanal mit dem Hub, Ihr Anteil %1, %2</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="68"/>
        <source>Channel %1</source>
        <extracomment>%1 a shortened channel id</extracomment>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="92"/>
        <source>Yours</source>
        <translation>Ihr Anteil</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="93"/>
        <source>The hub&apos;s</source>
        <translation>Anteil des Hubs</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="94"/>
        <source>Locked in payments</source>
        <translation>In Zahlungen gebunden</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="108"/>
        <source>The dispute period ended at %1: settle to pay out the channel.</source>
        <extracomment>%1 a date and time</extracomment>
        <translation>Die Einspruchsfrist endete am %1: Rechnen Sie ab, um den Kanal auszuzahlen.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="110"/>
        <source>Closing: either side can dispute with a newer state until %1 (%2 left).</source>
        <extracomment>%1 a date and time, %2 a countdown like &quot;4m 10s&quot;</extracomment>
        <translation>Wird geschlossen: Jede Seite kann bis %1 mit einem neueren Stand Einspruch erheben (noch %2).</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="131"/>
        <source>Pay the hub (ETH)</source>
        <translation>An den Hub zahlen (ETH)</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="140"/>
        <source>Pay</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="158"/>
        <source>Close without the hub</source>
        <translation>Ohne den Hub schließen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="160"/>
        <source>Puts the newest state both signed on chain; you settle after the dispute period.</source>
        <translation>Legt den neuesten von beiden signierten Stand auf die Chain; nach der Einspruchsfrist rechnen Sie ab.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="167"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelDelegate.qml" line="174"/>
        <source>Settle</source>
        <translation>Abrechnen</translation>
    </message>
</context>
<context>
    <name>ChannelsController</name>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="61"/>
        <source>Dispute the hub&apos;s close</source>
        <translation>Der Schließung durch den Hub widersprechen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="62"/>
        <source>Puts your newest state on chain: the close then pays out what you hold now, not the older split the hub closed with.</source>
        <translation>Legt Ihren neuesten Stand auf die Chain: Die Schließung zahlt dann aus, was Sie jetzt halten, nicht die ältere Aufteilung, mit der der Hub geschlossen hat.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="129"/>
        <source>%1 is not an image this wallet can open.</source>
        <translation>%1 ist kein Bild, das diese Wallet öffnen kann.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="149"/>
        <source>Not an amount: %1.</source>
        <translation>Kein Betrag: %1.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="151"/>
        <source>The hub puts at most %1 on its side.</source>
        <translation>Der Hub legt höchstens %1 auf seine Seite.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="168"/>
        <source>Not an invoice: %1</source>
        <translation>Keine Rechnung: %1</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="171"/>
        <source>%1 to %2</source>
        <extracomment>%1 an amount like &quot;0.05 ETH&quot;, %2 an address</extracomment>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="174"/>
        <source>, plus the hub&apos;s fee of %1</source>
        <extracomment>%1 the hub&apos;s fee like &quot;0.001 ETH&quot;</extracomment>
        <translation>, zuzüglich der Gebühr des Hubs von %1</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="197"/>
        <source>The hub adds up to %1 on its side so that you can also receive.</source>
        <extracomment>%1 an amount like &quot;10 ETH&quot;</extracomment>
        <translation>Der Hub legt bis zu %1 auf seine Seite, damit Sie auch empfangen können.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="199"/>
        <source>It forwards payments for you for free.</source>
        <translation>Zahlungen, die er für Sie weiterleitet, kosten nichts.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="202"/>
        <source>It keeps %1 of each payment it forwards for you.</source>
        <extracomment>%1 the hub&apos;s fee like &quot;0.001 ETH&quot;</extracomment>
        <translation>Von jeder Zahlung, die er für Sie weiterleitet, behält er %1.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="208"/>
        <source>No watchtower: keep the wallet running while a channel is closing.</source>
        <translation>Kein Watchtower: Lassen Sie die Wallet laufen, solange ein Kanal geschlossen wird.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="210"/>
        <source>Watched by the watchtower at %1, also while the wallet is closed.</source>
        <extracomment>%1 a URL</extracomment>
        <translation>Überwacht vom Watchtower unter %1, auch wenn die Wallet geschlossen ist.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="222"/>
        <source>Not a channel id: %1</source>
        <translation>Keine Kanal-ID: %1</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="264"/>
        <source>A channel with the hub holding %1 of yours and %2 of the hub&apos;s; payments over it are instant and cost no gas.</source>
        <extracomment>%1 an amount, %2 the hub&apos;s amount</extracomment>
        <translation>Ein Kanal mit dem Hub mit %1 von Ihnen und %2 vom Hub; Zahlungen darüber sind sofort da und kosten kein Gas.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="269"/>
        <source>Open a payment channel</source>
        <translation>Zahlungskanal öffnen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="272"/>
        <source>Channel opened.</source>
        <translation>Kanal geöffnet.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="286"/>
        <source>Enter an amount to pay.</source>
        <translation>Geben Sie einen Betrag ein.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="292"/>
        <source>Paid %1 to the hub.</source>
        <extracomment>%1 an amount</extracomment>
        <translation>%1 an den Hub gezahlt.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="309"/>
        <source>Invoice paid: %1</source>
        <translation>Rechnung bezahlt: %1</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="325"/>
        <source>Enter the amount to receive.</source>
        <translation>Geben Sie den Betrag ein, den Sie empfangen möchten.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="334"/>
        <source>Waiting for the payment of %1…</source>
        <translation>Warten auf die Zahlung von %1…</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="343"/>
        <source>Paid: %1 received.</source>
        <translation>Bezahlt: %1 empfangen.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="360"/>
        <source>Close the channel with the hub</source>
        <translation>Kanal mit dem Hub schließen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="361"/>
        <source>Both sides agree: your %1 is paid to your L1 account at once.</source>
        <translation>Beide Seiten sind sich einig: Ihre %1 werden sofort auf Ihr L1-Konto ausgezahlt.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="364"/>
        <source>Channel closed; your side is paid on L1.</source>
        <translation>Kanal geschlossen; Ihr Anteil wird auf L1 ausgezahlt.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="379"/>
        <source>Close the channel without the hub</source>
        <translation>Kanal ohne den Hub schließen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="381"/>
        <source>The newest state both signed goes on chain; after the dispute period of %1 you settle.</source>
        <extracomment>%1 a duration like &quot;1h 0m 0s&quot;</extracomment>
        <translation>Der neueste von beiden signierte Stand kommt auf die Chain; nach der Einspruchsfrist von %1 rechnen Sie ab.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="385"/>
        <source>Closing: settle when the dispute period ends.</source>
        <translation>Wird geschlossen: Rechnen Sie ab, wenn die Einspruchsfrist endet.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="395"/>
        <source>The dispute period has not ended yet.</source>
        <translation>Die Einspruchsfrist ist noch nicht abgelaufen.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="403"/>
        <source>Settle the channel</source>
        <translation>Kanal abrechnen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="404"/>
        <source>Pays out the channel as its closing state splits it.</source>
        <translation>Zahlt den Kanal so aus, wie sein Schlussstand ihn aufteilt.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelscontroller.cpp" line="407"/>
        <source>Settled; your side is paid on L1.</source>
        <translation>Abgerechnet; Ihr Anteil wird auf L1 ausgezahlt.</translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="67"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="68"/>
        <source>Ready to settle</source>
        <translation>Bereit zur Abrechnung</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="68"/>
        <source>Closing, disputable</source>
        <translation>Wird geschlossen, anfechtbar</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="69"/>
        <source>Settled</source>
        <translation>Abgerechnet</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="108"/>
        <source>Watchtower unreachable: keep the wallet running until the channel is settled.</source>
        <translation>Watchtower nicht erreichbar: Lassen Sie die Wallet laufen, bis der Kanal abgerechnet ist.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="111"/>
        <source>The watchtower disputed the close with state #%1.</source>
        <extracomment>%1 the number of the state (its nonce)</extracomment>
        <translation>Der Watchtower hat mit Stand #%1 Einspruch gegen die Schließung erhoben.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="113"/>
        <source>The watchtower holds no state of this channel yet.</source>
        <translation>Der Watchtower hat noch keinen Stand dieses Kanals.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="114"/>
        <source>The watchtower no longer watches this channel.</source>
        <translation>Der Watchtower bewacht diesen Kanal nicht mehr.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="118"/>
        <source>The watchtower holds an older state (#%1; the newest is #%2).</source>
        <extracomment>%1 and %2 the numbers of two states (their nonces)</extracomment>
        <translation>Der Watchtower hat einen älteren Stand (#%1; der neueste ist #%2).</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="121"/>
        <source>Watched until %1: the watchtower disputes a close with an older state.</source>
        <extracomment>%1 a date and time</extracomment>
        <translation>Bewacht bis %1: Der Watchtower erhebt Einspruch gegen eine Schließung mit einem älteren Stand.</translation>
    </message>
    <message>
        <location filename="../app/channels/channelsmodel.cpp" line="125"/>
        <source>Watched: the watchtower holds the newest state (#%1).</source>
        <extracomment>%1 the number of the state (its nonce)</extracomment>
        <translation>Bewacht: Der Watchtower hat den neuesten Stand (#%1).</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="15"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="18"/>
        <source>Payments over a channel are instant and cost no gas. Closing without the hub takes the %1 dispute period.</source>
        <extracomment>%1 the dispute period read from the contract through the hub, e.g. &quot;1h 0m 0s&quot;</extracomment>
        <translation>Zahlungen über einen Kanal sind sofort da und kosten kein Gas. Ein Schließen ohne den Hub dauert die Einspruchsfrist von %1.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="19"/>
        <source>Payments over a channel are instant and cost no gas.</source>
        <translation>Zahlungen über einen Kanal sind sofort da und kosten kein Gas.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="57"/>
        <source>Open a channel</source>
        <translation>Kanal öffnen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="63"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="72"/>
        <source>Your deposit (ETH)</source>
        <translation>Ihre Einlage (ETH)</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="83"/>
        <source>The hub&apos;s side (ETH)</source>
        <translation>Seite des Hubs (ETH)</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="94"/>
        <source>Review and open</source>
        <translation>Prüfen und öffnen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="103"/>
        <source>Pay an invoice</source>
        <translation>Rechnung bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="104"/>
        <source>Paste an invoice (it starts with sluice1) or read it from a picture of its QR code; the hub forwards the payment to its payee.</source>
        <translation>Fügen Sie eine Rechnung ein (sie beginnt mit sluice1) oder lesen Sie sie aus einem Bild ihres QR-Codes; der Hub leitet die Zahlung an den Empfänger weiter.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="108"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="118"/>
        <source>From QR image…</source>
        <extracomment>Opens a file dialog to pick a picture (a screenshot, a photo) of an invoice&apos;s QR code</extracomment>
        <translation>Aus QR-Bild…</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="120"/>
        <source>Read the invoice from a picture of its QR code</source>
        <translation>Die Rechnung aus einem Bild ihres QR-Codes lesen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="127"/>
        <source>Pay invoice</source>
        <translation>Rechnung bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="136"/>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="137"/>
        <source>Make an invoice and give it to the payer, as text or as the QR code.</source>
        <translation>Erstellen Sie eine Rechnung und geben Sie sie dem Zahler, als Text oder als QR-Code.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="144"/>
        <source>Amount (ETH)</source>
        <translation>Betrag (ETH)</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="154"/>
        <source>Create invoice</source>
        <translation>Rechnung erstellen</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="169"/>
        <source>QR code of the invoice</source>
        <translation>QR-Code der Rechnung</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="181"/>
        <source>Invoice text</source>
        <translation>Rechnungstext</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="198"/>
        <source>Your channels</source>
        <translation>Ihre Kanäle</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="219"/>
        <source>Could not bring the channels up to date: %1</source>
        <extracomment>%1 an error message from the hub or L1</extracomment>
        <translation>Die Kanäle konnten nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="229"/>
        <source>No channels yet.</source>
        <translation>Noch keine Kanäle.</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="249"/>
        <source>Choose a picture of the invoice&apos;s QR code</source>
        <translation>Wählen Sie ein Bild des QR-Codes der Rechnung</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="250"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../qml/channels/ChannelsPage.qml" line="250"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../qml/onboarding/ConfirmPage.qml" line="24"/>
        <source>Confirm your recovery phrase</source>
        <translation>Wiederherstellungsphrase bestätigen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ConfirmPage.qml" line="25"/>
        <source>Enter the words at the positions below, from what you wrote down.</source>
        <translation>Geben Sie die Wörter an den folgenden Positionen aus Ihrer Notiz ein.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ConfirmPage.qml" line="38"/>
        <source>Word #%1</source>
        <extracomment>Placeholder of a field asking for one word of the recovery phrase, e.g. &quot;Word #7&quot;</extracomment>
        <translation>Wort Nr. %1</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ConfirmPage.qml" line="54"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="15"/>
        <source>Your recovery phrase</source>
        <translation>Ihre Wiederherstellungsphrase</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="16"/>
        <source>These 12 words are the only backup of your wallet. Write them down on paper, in this order, and keep them somewhere safe.</source>
        <translation>Diese 12 Wörter sind die einzige Sicherung Ihrer Wallet. Schreiben Sie sie in dieser Reihenfolge auf Papier und bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="20"/>
        <source>Write this down now</source>
        <translation>Jetzt aufschreiben</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="21"/>
        <source>Anyone who sees these words can take your funds. Never type them into a website or share a photo of them. Sluice cannot recover them for you.</source>
        <translation>Wer diese Wörter sieht, kann über Ihr Guthaben verfügen. Geben Sie sie nie auf einer Website ein und teilen Sie kein Foto davon. Sluice kann sie nicht für Sie wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="35"/>
        <source>I have written down all 12 words in order</source>
        <translation>Ich habe alle 12 Wörter der Reihe nach aufgeschrieben</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/CreatePage.qml" line="39"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>DevFunding</name>
    <message>
        <location filename="../app/dev/devtools.cpp" line="34"/>
        <source>Test ETH arrived</source>
        <translation>Test-ETH eingegangen</translation>
    </message>
    <message>
        <location filename="../app/dev/devtools.cpp" line="34"/>
        <source>Funding failed</source>
        <translation>Aufladen fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/dev/devtools.cpp" line="50"/>
        <source>This account cannot be funded.</source>
        <translation>Dieses Konto kann nicht aufgeladen werden.</translation>
    </message>
    <message>
        <location filename="../app/dev/devtools.cpp" line="62"/>
        <source>%1 ETH from the local network&apos;s dev account arrived in %2.</source>
        <translation>%1 ETH vom Entwicklerkonto des lokalen Netzes sind in %2 eingegangen.</translation>
    </message>
    <message>
        <location filename="../app/dev/devtools.cpp" line="64"/>
        <source>The dev account&apos;s transfer failed on L1.</source>
        <translation>Die Überweisung des Entwicklerkontos ist auf L1 fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>EscapeBanner</name>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="56"/>
        <source>The operator has stopped: the rollup is frozen</source>
        <extracomment>%1 is a date and time</extracomment>
        <translation>Der Betreiber hat aufgehört: Der Rollup ist eingefroren</translation>
    </message>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="57"/>
        <source>Operator silent since %1</source>
        <translation>Betreiber still seit %1</translation>
    </message>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="71"/>
        <source>No batch has been posted for the escape delay while a deposit waited. Every account can take its whole L2 balance out on L1 now: %1 ETH for this wallet, proven from this wallet&apos;s own replay of L1.</source>
        <extracomment>%1 is a date and time, %2 a duration read from the contract such as &quot;10m 0s&quot; %1 is an amount of ETH</extracomment>
        <translation>Während eine Einzahlung wartete, wurde für die Dauer der Notausstiegsfrist kein Batch veröffentlicht. Jedes Konto kann jetzt sein ganzes L2-Guthaben auf L1 abheben: %1 ETH für diese Wallet, bewiesen aus dem eigenen Nachvollzug von L1 durch diese Wallet.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="72"/>
        <source>A deposit is waiting and no batch has been posted since. Unless one comes, the exit opens at %1 (escape delay %2).</source>
        <translation>Eine Einzahlung wartet, und seitdem wurde kein Batch veröffentlicht. Kommt keiner mehr, öffnet der Notausstieg am %1 (Frist %2).</translation>
    </message>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="87"/>
        <source>Exit to L1</source>
        <translation>Auf L1 aussteigen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/EscapeBanner.qml" line="101"/>
        <source>%1 ETH paid out on L1.</source>
        <extracomment>%1 is an amount of ETH</extracomment>
        <translation>%1 ETH auf L1 ausgezahlt.</translation>
    </message>
</context>
<context>
    <name>EscapeController</name>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="96"/>
        <source>The Rollup is not frozen: the exit is not open.</source>
        <translation>Der Rollup ist nicht eingefroren: Der Notausstieg ist nicht offen.</translation>
    </message>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="107"/>
        <source>Unlock the wallet first.</source>
        <translation>Entsperren Sie zuerst die Wallet.</translation>
    </message>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="120"/>
        <source>Exit of L2 account #%1 to L1</source>
        <translation>Ausstieg von L2-Konto #%1 nach L1</translation>
    </message>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="121"/>
        <source>Refund of deposit %1 on L1</source>
        <translation>Rückerstattung der Einzahlung %1 auf L1</translation>
    </message>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="153"/>
        <source>%1 was reverted on L1 (transaction %2).</source>
        <translation>%1 wurde auf L1 rückgängig gemacht (Transaktion %2).</translation>
    </message>
    <message>
        <location filename="../app/bridge/escapecontroller.cpp" line="162"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../qml/common/FormPage.qml" line="47"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>FraudBanner</name>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="47"/>
        <source>Fraud found in batch #%1</source>
        <extracomment>%1 is a batch number</extracomment>
        <translation>Betrug in Batch #%1 gefunden</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="66"/>
        <source>The proof must land on L1 before %1 (%2 left); after that the batch is final.</source>
        <extracomment>%1 a local date and time, %2 the time left like &quot;4m 10s&quot;</extracomment>
        <translation>Der Beweis muss vor %1 auf L1 ankommen (noch %2); danach ist der Batch endgültig.</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="67"/>
        <source>Its challenge window ended at %1: it can no longer be proven.</source>
        <translation>Seine Anfechtungsfrist endete um %1: Er kann nicht mehr angefochten werden.</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="78"/>
        <source>Paid by %1 on L1: %2. Half of the proposer&apos;s bond goes to whoever proves it first.</source>
        <extracomment>%1 an account name and shortened address, %2 the cost like &quot;245,000 gas, at most 0.0012 ETH&quot;</extracomment>
        <translation>Bezahlt von %1 auf L1: %2. Die Hälfte der Sicherheitsleistung des Proposers erhält, wer den Betrug zuerst beweist.</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="79"/>
        <source>Paid by %1 on L1.</source>
        <translation>Bezahlt von %1 auf L1.</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="88"/>
        <source>Technical detail: %1</source>
        <extracomment>%1 the verifier&apos;s technical description, in English</extracomment>
        <translation>Technisches Detail: %1</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="104"/>
        <source>Submit fraud proof</source>
        <translation>Betrugsbeweis einreichen</translation>
    </message>
    <message>
        <location filename="../qml/batches/FraudBanner.qml" line="118"/>
        <source>Fraud proof sent: %1. The batch and every later one will be reverted and the proposer&apos;s bond slashed.</source>
        <extracomment>%1 is an L1 transaction hash</extracomment>
        <translation>Betrugsbeweis gesendet: %1. Der Batch und alle späteren werden rückgängig gemacht und die Sicherheitsleistung des Proposers eingezogen.</translation>
    </message>
</context>
<context>
    <name>HashLabel</name>
    <message>
        <location filename="../qml/common/HashLabel.qml" line="13"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="24"/>
        <source>Import an account</source>
        <translation>Konto importieren</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="25"/>
        <source>Bring in an account from a keystore file (geth, cast, MyEtherWallet) or from its private key.</source>
        <translation>Übernehmen Sie ein Konto aus einer Keystore-Datei (geth, cast, MyEtherWallet) oder über seinen privaten Schlüssel.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="38"/>
        <location filename="../qml/onboarding/ImportPage.qml" line="56"/>
        <source>Keystore file</source>
        <translation>Keystore-Datei</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="39"/>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="55"/>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="59"/>
        <source>Choose file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="66"/>
        <source>Password of the keystore file</source>
        <translation>Passwort der Keystore-Datei</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="77"/>
        <source>Private key: 64 hex digits, with or without 0x</source>
        <translation>Privater Schlüssel: 64 Hex-Ziffern, mit oder ohne 0x</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="90"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="96"/>
        <source>Choose a keystore file</source>
        <translation>Keystore-Datei wählen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="97"/>
        <source>Keystore files (*.json UTC--*)</source>
        <translation>Keystore-Dateien (*.json UTC--*)</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/ImportPage.qml" line="97"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>LayerSwitch</name>
    <message>
        <location filename="../qml/common/LayerSwitch.qml" line="20"/>
        <source>Ethereum (L1)</source>
        <translation>Ethereum (L1)</translation>
    </message>
    <message>
        <location filename="../qml/common/LayerSwitch.qml" line="21"/>
        <source>Sluice (L2)</source>
        <translation>Sluice (L2)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>Sluice</source>
        <translation>Sluice</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="103"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="105"/>
        <source>Send &amp; Receive</source>
        <extracomment>Navigation entry: the page to send and receive funds</extracomment>
        <translation>Senden &amp; Empfangen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="107"/>
        <source>Bridge</source>
        <extracomment>Navigation entry: deposits to L2 and withdrawals to L1</extracomment>
        <translation>Bridge</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="109"/>
        <source>Channels</source>
        <extracomment>Navigation entry: payment channels with the hub</extracomment>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="111"/>
        <source>Batches</source>
        <extracomment>Navigation entry: the rollup&apos;s batches posted to L1</extracomment>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="112"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="114"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>NavRail</name>
    <message>
        <location filename="../qml/shell/NavRail.qml" line="43"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>NetworkSettingsCard</name>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="17"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="18"/>
        <source>Sluice can run its own private Ethereum chain and rollup node on this computer, or connect to nodes you name.</source>
        <translation>Sluice kann eine eigene private Ethereum-Chain mit Rollup-Knoten auf diesem Computer betreiben oder sich mit Knoten Ihrer Wahl verbinden.</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="24"/>
        <source>Local network (bundled)</source>
        <translation>Lokales Netz (mitgeliefert)</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="31"/>
        <source>Custom endpoints</source>
        <translation>Eigene Endpunkte</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="46"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="47"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="48"/>
        <source>stopping</source>
        <translation>wird beendet</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="49"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="49"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="66"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="66"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="74"/>
        <source>Reset…</source>
        <extracomment>Wipe the local chain and start from scratch</extracomment>
        <translation>Zurücksetzen …</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="80"/>
        <source>Hide log</source>
        <translation>Protokoll ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="80"/>
        <source>Show log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="89"/>
        <source>Challenge period %1 · proposer bond %2 · L1 chain %3 · L2 chain %4 (read from the chain)</source>
        <extracomment>%1 period like &quot;1m 0s&quot;, %2 an amount like &quot;1 ETH&quot;, %3 chain id, %4 chain id</extracomment>
        <translation>Anfechtungsfrist %1 · Sicherheitsleistung %2 · L1-Chain %3 · L2-Chain %4 (von der Chain gelesen)</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="132"/>
        <source>L1 RPC URL</source>
        <translation>L1-RPC-URL</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="140"/>
        <source>L2 RPC URL</source>
        <translation>L2-RPC-URL</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="148"/>
        <source>Rollup contract address</source>
        <translation>Adresse des Rollup-Vertrags</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="183"/>
        <source>Check and use</source>
        <extracomment>Check the endpoints, then use them</extracomment>
        <translation>Prüfen und verwenden</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="197"/>
        <source>Reset the local network?</source>
        <translation>Lokales Netz zurücksetzen?</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="205"/>
        <source>This stops the local chain and rollup node and deletes their data: every local balance, batch and bridge transfer is gone. Your wallet and keys are not touched.</source>
        <translation>Dies stoppt die lokale Chain und den Rollup-Knoten und löscht ihre Daten: alle lokalen Guthaben, Batches und Bridge-Überweisungen sind weg. Ihre Wallet und Schlüssel bleiben unberührt.</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="158"/>
        <source>Allow unencrypted connections to this endpoint</source>
        <translation>Unverschlüsselte Verbindungen zu diesem Endpunkt erlauben</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="164"/>
        <source>Unencrypted connection</source>
        <translation>Unverschlüsselte Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/settings/NetworkSettingsCard.qml" line="165"/>
        <source>Over http:// or ws:// anyone on the network between this computer and the endpoints can see which addresses you use and change what the node tells the wallet: balances, fees, batches. Use it only on a network you trust, such as your own LAN.</source>
        <translation>Über http:// oder ws:// kann jeder im Netz zwischen diesem Computer und den Endpunkten sehen, welche Adressen Sie verwenden, und ändern, was der Knoten der Wallet mitteilt: Guthaben, Gebühren, Batches. Verwenden Sie das nur in einem Netz, dem Sie vertrauen, etwa Ihrem eigenen LAN.</translation>
    </message>
</context>
<context>
    <name>NotificationBar</name>
    <message>
        <location filename="../qml/shell/NotificationBar.qml" line="52"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../qml/shell/NotificationBar.qml" line="61"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="127"/>
        <source>Withdrawal ready</source>
        <translation>Auszahlung bereit</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="128"/>
        <source>Your withdrawal of %1 ETH can be finalized on L1 now.</source>
        <translation>Ihre Auszahlung von %1 ETH kann jetzt auf L1 abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="134"/>
        <source>Batch %1 cannot be verified</source>
        <translation>Batch %1 lässt sich nicht prüfen</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="135"/>
        <source>This wallet cannot re-execute it (%1). Nobody may be able to prove fraud in it: do not trust it or any later batch.</source>
        <translation>Diese Wallet kann ihn nicht nachvollziehen (%1). Womöglich kann niemand darin Betrug beweisen: Vertrauen Sie weder ihm noch einem späteren Batch.</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="142"/>
        <source>Fraud detected in batch %1</source>
        <translation>Betrug in Batch %1 erkannt</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="143"/>
        <source>This wallet&apos;s verifier found that the batch claims a wrong state. Open Batches to prove it before its challenge window ends.</source>
        <translation>Die Prüfung dieser Wallet hat ergeben, dass der Batch einen falschen Zustand behauptet. Öffnen Sie „Batches“, um den Betrug vor dem Ende seiner Anfechtungsfrist zu beweisen.</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="160"/>
        <source>The hub closed a channel</source>
        <translation>Der Hub hat einen Kanal geschlossen</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="161"/>
        <source>The wallet checks the state it closed with and disputes an old one. Your side: %1 ETH.</source>
        <translation>Die Wallet prüft den Stand, mit dem er geschlossen wurde, und erhebt gegen einen alten Einspruch. Ihr Anteil: %1 ETH.</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="166"/>
        <source>A stale close was disputed</source>
        <translation>Einspruch gegen einen veralteten Abschluss erhoben</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="167"/>
        <source>A channel was closed with an old state; the newest one, with your %1 ETH, is on chain now.</source>
        <translation>Ein Kanal wurde mit einem alten Stand geschlossen; der neueste, mit Ihren %1 ETH, ist jetzt auf der Chain.</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="173"/>
        <source>A channel can be settled</source>
        <translation>Ein Kanal kann abgerechnet werden</translation>
    </message>
    <message>
        <location filename="../app/desktop/notificationcenter.cpp" line="174"/>
        <source>Its dispute period has ended: settle it to receive your %1 ETH on L1.</source>
        <translation>Seine Einspruchsfrist ist abgelaufen: Rechnen Sie ab, um Ihre %1 ETH auf L1 zu erhalten.</translation>
    </message>
</context>
<context>
    <name>OnboardingController</name>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="38"/>
        <source>A recovery phrase has 12, 15, 18, 21 or 24 words, but this one has %1.</source>
        <extracomment>%1 is the number of words the user typed</extracomment>
        <translation>Eine Wiederherstellungsphrase hat 12, 15, 18, 21 oder 24 Wörter, diese hat aber %1.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="44"/>
        <source>&quot;%1&quot; (word %2) is not a word of the BIP-39 English word list. Check its spelling.</source>
        <extracomment>%1 is the word as typed, %2 its position in the phrase</extracomment>
        <translation>„%1“ (Wort %2) steht nicht in der englischen BIP-39-Wortliste. Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="50"/>
        <source>The recovery phrase&apos;s checksum does not match: a word is wrong or the words are out of order.</source>
        <translation>Die Prüfsumme der Wiederherstellungsphrase stimmt nicht: Ein Wort ist falsch oder die Reihenfolge stimmt nicht.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="70"/>
        <source>Use at least %1 characters. A longer passphrase of several words is stronger than a short complicated one.</source>
        <extracomment>%1 is a number of characters</extracomment>
        <translation>Verwenden Sie mindestens %1 Zeichen. Eine längere Passphrase aus mehreren Wörtern ist sicherer als ein kurzes, kompliziertes Passwort.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="78"/>
        <source>Could not get random numbers from the operating system to make a recovery phrase.</source>
        <translation>Das Betriebssystem hat keine Zufallszahlen für eine Wiederherstellungsphrase geliefert.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="103"/>
        <source>There is no recovery phrase to confirm. Go back and create one.</source>
        <translation>Es gibt keine Wiederherstellungsphrase zu bestätigen. Gehen Sie zurück und erstellen Sie eine.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="110"/>
        <source>Enter word #%1.</source>
        <translation>Geben Sie Wort Nr. %1 ein.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="114"/>
        <source>Word #%1 is not the word of your recovery phrase. Check what you wrote down.</source>
        <translation>Wort Nr. %1 stimmt nicht mit Ihrer Wiederherstellungsphrase überein. Prüfen Sie Ihre Notiz.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="128"/>
        <source>Enter your recovery phrase.</source>
        <translation>Geben Sie Ihre Wiederherstellungsphrase ein.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="149"/>
        <source>Choose a keystore file.</source>
        <translation>Wählen Sie eine Keystore-Datei.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="153"/>
        <source>Enter the password of the keystore file.</source>
        <translation>Geben Sie das Passwort der Keystore-Datei ein.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="168"/>
        <source>This is not a valid private key: it must be 64 hexadecimal digits (0x optional) and within the secp256k1 range.</source>
        <translation>Das ist kein gültiger privater Schlüssel: Er muss aus 64 Hex-Ziffern bestehen (0x optional) und im Wertebereich von secp256k1 liegen.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="187"/>
        <source>Start again from the welcome page.</source>
        <translation>Beginnen Sie noch einmal auf der Startseite.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="196"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="230"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../app/onboarding/onboardingcontroller.cpp" line="232"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>OverviewAccountRow</name>
    <message>
        <location filename="../qml/overview/OverviewAccountRow.qml" line="25"/>
        <source>%1: %2 %5 on L1, %3 %5 on L2, %4 %5 in transit</source>
        <translation>%1: %2 %5 auf L1, %3 %5 auf L2, %4 %5 unterwegs</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewAccountRow.qml" line="72"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewAccountRow.qml" line="110"/>
        <source>+%1 test ETH</source>
        <translation>+%1 Test-ETH</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewAccountRow.qml" line="111"/>
        <source>Fund %1 with %2 test ETH from the local network</source>
        <translation>%1 mit %2 Test-ETH aus dem lokalen Netz aufladen</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="14"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="15"/>
        <source>Your funds on Ethereum and on the Sluice rollup, checked by this wallet</source>
        <translation>Ihr Guthaben auf Ethereum und im Sluice-Rollup, von dieser Wallet geprüft</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="32"/>
        <source>On Ethereum (L1)</source>
        <translation>Auf Ethereum (L1)</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="39"/>
        <source>On Sluice (L2)</source>
        <translation>Auf Sluice (L2)</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="47"/>
        <location filename="../qml/overview/OverviewPage.qml" line="89"/>
        <source>In transit</source>
        <extracomment>Funds between the layers: deposits not yet credited, withdrawals not yet paid out</extracomment>
        <translation>Unterwegs</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="56"/>
        <source>In channels</source>
        <extracomment>Funds held in payment channels with the hub (your side)</extracomment>
        <translation>In Kanälen</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="81"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="86"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="87"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="88"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="103"/>
        <source>Deposit or withdraw…</source>
        <translation>Ein- oder auszahlen …</translation>
    </message>
    <message>
        <location filename="../qml/overview/OverviewPage.qml" line="110"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../qml/common/PasswordField.qml" line="31"/>
        <source>Hide password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <location filename="../qml/common/PasswordField.qml" line="31"/>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="18"/>
        <source>Choose a password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="19"/>
        <source>Sluice encrypts your keys with this password. You will need it every time you open the wallet.</source>
        <translation>Sluice verschlüsselt Ihre Schlüssel mit diesem Passwort. Sie brauchen es bei jedem Öffnen der Wallet.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="34"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="42"/>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="63"/>
        <source>Encrypting your wallet… this takes a moment.</source>
        <translation>Wallet wird verschlüsselt … das dauert einen Moment.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/PasswordPage.qml" line="70"/>
        <source>Create wallet</source>
        <translation>Wallet erstellen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/qr/qrimage.cpp" line="15"/>
        <source>The text is too long for a QR code.</source>
        <translation>Der Text ist zu lang für einen QR-Code.</translation>
    </message>
</context>
<context>
    <name>QrDecoder</name>
    <message>
        <location filename="../app/qr/qrdecoder.cpp" line="804"/>
        <source>No QR code was found in the image.</source>
        <translation>Im Bild wurde kein QR-Code gefunden.</translation>
    </message>
    <message>
        <location filename="../app/qr/qrdecoder.cpp" line="806"/>
        <source>The QR code could not be read (too damaged).</source>
        <translation>Der QR-Code konnte nicht gelesen werden (zu stark beschädigt).</translation>
    </message>
    <message>
        <location filename="../app/qr/qrdecoder.cpp" line="809"/>
        <source>The QR code uses an encoding this wallet does not read.</source>
        <translation>Der QR-Code verwendet eine Kodierung, die diese Wallet nicht liest.</translation>
    </message>
</context>
<context>
    <name>ReceivePanel</name>
    <message>
        <location filename="../qml/sendreceive/ReceivePanel.qml" line="16"/>
        <source>Address copied to the clipboard</source>
        <translation>Adresse in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/ReceivePanel.qml" line="41"/>
        <source>QR code of the address %1</source>
        <translation>QR-Code der Adresse %1</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/ReceivePanel.qml" line="54"/>
        <source>Your address is the same on Ethereum (L1) and on Sluice (L2). Only send ETH to it.</source>
        <translation>Ihre Adresse ist auf Ethereum (L1) und auf Sluice (L2) dieselbe. Senden Sie nur ETH an sie.</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/ReceivePanel.qml" line="78"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="25"/>
        <source>Restore a wallet</source>
        <translation>Wallet wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="26"/>
        <source>Type your recovery phrase, with the words separated by spaces.</source>
        <translation>Geben Sie Ihre Wiederherstellungsphrase ein, die Wörter durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="37"/>
        <source>12, 15, 18, 21 or 24 words</source>
        <translation>12, 15, 18, 21 oder 24 Wörter</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="41"/>
        <source>Recovery phrase</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="49"/>
        <source>This wallet uses a BIP-39 passphrase</source>
        <extracomment>BIP-39 &quot;25th word&quot;; most wallets do not use one</extracomment>
        <translation>Diese Wallet verwendet eine BIP-39-Passphrase</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="55"/>
        <source>BIP-39 passphrase (not your Sluice password)</source>
        <translation>BIP-39-Passphrase (nicht Ihr Sluice-Passwort)</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/RestorePage.qml" line="64"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="124"/>
        <source>Enter the recipient&apos;s address.</source>
        <translation>Geben Sie die Adresse des Empfängers ein.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="126"/>
        <source>An address starts with 0x.</source>
        <translation>Eine Adresse beginnt mit 0x.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="128"/>
        <source>An address has 40 hexadecimal digits after 0x (this has %1).</source>
        <translation>Eine Adresse hat 40 Hexadezimalziffern nach 0x (diese hat %1).</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="132"/>
        <source>The address&apos;s capitalisation does not match its EIP-55 checksum: a character may be mistyped.</source>
        <translation>Die Groß-/Kleinschreibung der Adresse passt nicht zu ihrer EIP-55-Prüfsumme: vielleicht ist ein Zeichen vertippt.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="133"/>
        <source>The address may only contain the digits 0-9 and letters a-f after 0x.</source>
        <translation>Die Adresse darf nach 0x nur die Ziffern 0–9 und die Buchstaben a–f enthalten.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="139"/>
        <source>Enter an amount.</source>
        <translation>Geben Sie einen Betrag ein.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="141"/>
        <source>Not an amount: %1.</source>
        <translation>Kein Betrag: %1.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="142"/>
        <source>The amount must be more than 0.</source>
        <translation>Der Betrag muss größer als 0 sein.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="144"/>
        <source>More than the balance of %1 ETH.</source>
        <translation>Mehr als das Guthaben von %1 ETH.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="146"/>
        <source>Not enough for the amount plus the network fee of up to %1 ETH (balance %2 ETH).</source>
        <translation>Nicht genug für den Betrag plus die Netzgebühr von bis zu %1 ETH (Guthaben %2 ETH).</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="268"/>
        <source>Not connected to the network.</source>
        <translation>Nicht mit dem Netz verbunden.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="299"/>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="333"/>
        <source>Unlock the wallet and connect to send.</source>
        <translation>Entsperren Sie die Wallet und verbinden Sie sich, um zu senden.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="323"/>
        <source>Queue this payment on L1 (forced inclusion)</source>
        <extracomment>%1 a time span like &quot;30s&quot;</extracomment>
        <translation>Diese Zahlung auf L1 einreihen (erzwungene Aufnahme)</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="324"/>
        <source>Once it has waited %1 in the queue, every batch must include it; a sequencer that ignores it can post no batch, and the rollup&apos;s escape clock starts.</source>
        <translation>Sobald sie %1 in der Warteschlange gewartet hat, muss jeder Batch sie aufnehmen; ein Sequencer, der sie übergeht, kann keinen Batch mehr veröffentlichen, und die Frist bis zum Notausgang des Rollups beginnt.</translation>
    </message>
    <message>
        <location filename="../app/sendreceive/sendcontroller.cpp" line="365"/>
        <source>The transaction was mined but failed.</source>
        <translation>Die Transaktion wurde in einen Block aufgenommen, ist aber fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>SendForm</name>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="99"/>
        <source>Send through L1 (if the sequencer ignores this account; costs L1 gas)</source>
        <extracomment>Forced inclusion: the L2 transfer goes through Ethereum instead of the rollup&apos;s sequencer</extracomment>
        <translation>Über L1 senden (falls der Sequencer dieses Konto ignoriert; kostet L1-Gas)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="35"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="41"/>
        <source>Network</source>
        <extracomment>Which chain the payment is made on</extracomment>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="58"/>
        <source>To</source>
        <extracomment>Label of the recipient address field</extracomment>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="70"/>
        <source>Amount (%1)</source>
        <translation>Betrag (%1)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="75"/>
        <source>Available: %1 %2</source>
        <extracomment>%1 is an exact amount like 1.25, %2 the unit ETH</extracomment>
        <translation>Verfügbar: %1 %2</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="77"/>
        <source>Exactly %1 %2</source>
        <extracomment>%1 is the exact balance with every decimal, %2 the unit ETH</extracomment>
        <translation>Genau %1 %2</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="85"/>
        <source>Max</source>
        <extracomment>Fill in the whole balance minus the fee</extracomment>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="88"/>
        <source>Send the maximum amount</source>
        <translation>Den höchstmöglichen Betrag senden</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="123"/>
        <source>Sent. The transaction is included.</source>
        <translation>Gesendet. Die Transaktion ist aufgenommen.</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="124"/>
        <source>Submitted, waiting for the receipt…</source>
        <translation>Gesendet, warten auf die Bestätigung …</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="132"/>
        <source>Copy transaction hash</source>
        <translation>Transaktions-Hash kopieren</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="150"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="150"/>
        <source>New payment</source>
        <translation>Neue Zahlung</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendForm.qml" line="156"/>
        <source>Review…</source>
        <translation>Prüfen …</translation>
    </message>
</context>
<context>
    <name>SendReceivePage</name>
    <message>
        <location filename="../qml/sendreceive/SendReceivePage.qml" line="14"/>
        <source>Send &amp; Receive</source>
        <extracomment>Page title</extracomment>
        <translation>Senden &amp; Empfangen</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReceivePage.qml" line="15"/>
        <source>Pay an address on Ethereum (L1) or on the Sluice rollup (L2), or show yours</source>
        <translation>Zahlen Sie an eine Adresse auf Ethereum (L1) oder im Sluice-Rollup (L2), oder zeigen Sie Ihre</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReceivePage.qml" line="25"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReceivePage.qml" line="30"/>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
</context>
<context>
    <name>SendReviewDialog</name>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="43"/>
        <source>Route</source>
        <extracomment>How the transfer reaches the rollup when the user forces it through Ethereum</extracomment>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="43"/>
        <source>through L1 (forced inclusion), plus the L1 gas of queuing it</source>
        <translation>über L1 (erzwungene Aufnahme), zuzüglich des L1-Gases für das Einreihen</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="21"/>
        <source>Review the payment</source>
        <translation>Zahlung prüfen</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="30"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="31"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="31"/>
        <source>Ethereum (L1)</source>
        <translation>Ethereum (L1)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="31"/>
        <source>Sluice (L2)</source>
        <translation>Sluice (L2)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="33"/>
        <source>chain %1</source>
        <extracomment>%1 is a chain id number</extracomment>
        <translation>Chain %1</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="34"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="36"/>
        <source>Network fee (expected)</source>
        <extracomment>The fee at the network&apos;s current base fee</extracomment>
        <translation>Netzgebühr (erwartet)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="38"/>
        <source>Network fee (at most)</source>
        <extracomment>The most the network fee can be; usually less is charged</extracomment>
        <translation>Netzgebühr (höchstens)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="39"/>
        <source>Total (at most)</source>
        <translation>Gesamt (höchstens)</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="72"/>
        <source>High fee</source>
        <translation>Hohe Gebühr</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="80"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/sendreceive/SendReviewDialog.qml" line="87"/>
        <source>Sign and send</source>
        <extracomment>Sign the transaction and send it</extracomment>
        <translation>Signieren und senden</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="49"/>
        <source>System default</source>
        <comment>language</comment>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="124"/>
        <source>System default</source>
        <comment>theme</comment>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="125"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="126"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/settings/settingscontroller.cpp" line="140"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="141"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location filename="../app/settings/settingscontroller.cpp" line="86"/>
        <source>%1 is not encrypted and not on this computer, so anyone on the way can read and change what the wallet is told: use https:// or wss://, or allow unencrypted connections to this endpoint.</source>
        <translation>%1 ist unverschlüsselt und nicht auf diesem Computer: Jeder auf dem Weg kann mitlesen und ändern, was die Wallet erfährt. Verwenden Sie https:// oder wss:// oder erlauben Sie unverschlüsselte Verbindungen zu diesem Endpunkt.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="11"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="26"/>
        <location filename="../qml/settings/SettingsPage.qml" line="35"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="27"/>
        <source>Changes the language at once, no restart needed.</source>
        <translation>Wechselt die Sprache sofort, ohne Neustart.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="70"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="71"/>
        <source>Locking wipes the decrypted keys from memory. You will need your password to continue.</source>
        <translation>Beim Sperren werden die entschlüsselten Schlüssel aus dem Speicher gelöscht. Zum Weitermachen brauchen Sie dann Ihr Passwort.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="72"/>
        <source>Wallet folder: %1</source>
        <translation>Wallet-Ordner: %1</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="95"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="18"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="49"/>
        <location filename="../qml/settings/SettingsPage.qml" line="58"/>
        <source>Theme</source>
        <extracomment>Setting: light or dark colours</extracomment>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="50"/>
        <source>Light, dark, or as the desktop is set.</source>
        <translation>Hell, dunkel oder wie der Desktop eingestellt ist.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SettingsPage.qml" line="83"/>
        <source>Lock automatically after</source>
        <extracomment>Label of the choice of minutes without input after which the wallet locks</extracomment>
        <translation>Automatisch sperren nach</translation>
    </message>
</context>
<context>
    <name>StartupView</name>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="37"/>
        <source>The network is not available</source>
        <translation>Das Netz ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="38"/>
        <source>Not connected to a network</source>
        <translation>Mit keinem Netz verbunden</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="39"/>
        <source>Starting your local network…</source>
        <translation>Ihr lokales Netz wird gestartet …</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="40"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="51"/>
        <source>Sluice runs a private Ethereum chain and rollup node on this computer, so you can try everything without real money. This takes a few seconds the first time.</source>
        <translation>Sluice betreibt eine private Ethereum-Chain mit Rollup-Knoten auf diesem Computer, damit Sie alles ohne echtes Geld ausprobieren können. Beim ersten Mal dauert das einige Sekunden.</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="60"/>
        <source>Start the bundled local network, or connect to nodes you name in the network settings.</source>
        <translation>Starten Sie das mitgelieferte lokale Netz oder verbinden Sie sich in den Netzeinstellungen mit Knoten Ihrer Wahl.</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="75"/>
        <source>Network settings</source>
        <translation>Netzeinstellungen</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="81"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/shell/StartupView.qml" line="81"/>
        <source>Start the local network</source>
        <translation>Lokales Netz starten</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="43"/>
        <source>%1 · block #%2</source>
        <extracomment>%1 is a layer (L1 or L2), %2 the number of its latest block</extracomment>
        <translation>%1 · Block #%2</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="44"/>
        <source>%1 connected</source>
        <translation>%1 verbunden</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="45"/>
        <source>%1 not connected yet</source>
        <translation>%1 noch nicht verbunden</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="46"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 …</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="48"/>
        <source>%1 unreachable</source>
        <extracomment>%1 is a layer (L1 or L2) whose node does not answer</extracomment>
        <translation>%1 nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="75"/>
        <source>Starting the local network…</source>
        <translation>Das lokale Netz wird gestartet …</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="75"/>
        <source>Local network not started</source>
        <translation>Lokales Netz nicht gestartet</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="100"/>
        <source>Verifier waiting for the network</source>
        <translation>Wallet-Prüfung wartet auf das Netz</translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="101"/>
        <source>Verifier: fraud in batch %1</source>
        <translation>Wallet-Prüfung: Betrug in Batch %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/shell/StatusBar.qml" line="102"/>
        <source>Verifier: %n batch(es) checked</source>
        <translation>
            <numerusform>Wallet-Prüfung: %n Batch geprüft</numerusform>
            <numerusform>Wallet-Prüfung: %n Batches geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/shell/StatusBar.qml" line="103"/>
        <source>Verifier: not all batches checked</source>
        <translation>Wallet-Prüfung: nicht alle Batches geprüft</translation>
    </message>
</context>
<context>
    <name>TransactionLookup</name>
    <message>
        <location filename="../app/common/transactionlookup.cpp" line="22"/>
        <source>Not connected to this layer&apos;s node.</source>
        <translation>Nicht mit dem Knoten dieser Ebene verbunden.</translation>
    </message>
    <message>
        <location filename="../app/common/transactionlookup.cpp" line="24"/>
        <source>Not a transaction hash.</source>
        <translation>Kein Transaktions-Hash.</translation>
    </message>
    <message>
        <location filename="../app/common/transactionlookup.cpp" line="34"/>
        <source>Not mined yet.</source>
        <translation>Noch nicht in einem Block.</translation>
    </message>
</context>
<context>
    <name>TransactionReview</name>
    <message>
        <location filename="../app/common/transactionreview.cpp" line="36"/>
        <source>The network fee can be up to %1 ETH, %2 % or more of the amount of %3 ETH.</source>
        <translation>Die Netzgebühr kann bis zu %1 ETH betragen, %2 % oder mehr des Betrags von %3 ETH.</translation>
    </message>
</context>
<context>
    <name>TransactionReviewDialog</name>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="22"/>
        <source>Review before signing</source>
        <translation>Vor dem Signieren prüfen</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="39"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="39"/>
        <source>Ethereum (L1)</source>
        <translation>Ethereum (L1)</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="39"/>
        <source>Sluice (L2)</source>
        <translation>Sluice (L2)</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="41"/>
        <source>chain %1</source>
        <extracomment>%1 is a chain id number</extracomment>
        <translation>Chain %1</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="42"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="43"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="45"/>
        <source>Network fee (expected)</source>
        <extracomment>The fee at the network&apos;s current base fee</extracomment>
        <translation>Netzgebühr (erwartet)</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="47"/>
        <source>Network fee (at most)</source>
        <extracomment>The most the network fee can be; %1 is the gas limit, %2 the maximum price per gas such as &quot;3 gwei&quot;</extracomment>
        <translation>Netzgebühr (höchstens)</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="47"/>
        <source>%1 gas at %2</source>
        <translation>%1 Gas zu je %2</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="49"/>
        <source>Total (at most)</source>
        <extracomment>What this transaction can take from the balance at most: value sent plus the maximum fee</extracomment>
        <translation>Gesamt (höchstens)</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="86"/>
        <source>High fee</source>
        <translation>Hohe Gebühr</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="94"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/common/TransactionReviewDialog.qml" line="101"/>
        <source>Sign and send</source>
        <extracomment>Sign the transaction and send it</extracomment>
        <translation>Signieren und senden</translation>
    </message>
</context>
<context>
    <name>TransferDelegate</name>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="48"/>
        <location filename="../qml/bridge/TransferDelegate.qml" line="73"/>
        <source>Deposit of %1 ETH</source>
        <translation>Einzahlung von %1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="48"/>
        <location filename="../qml/bridge/TransferDelegate.qml" line="73"/>
        <source>Withdrawal of %1 ETH</source>
        <translation>Auszahlung von %1 ETH</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="85"/>
        <source>%1 · %2 · batch #%3</source>
        <extracomment>%1 a date and time, %2 the account (its name and shortened address), %3 a batch number</extracomment>
        <translation>%1 · %2 · Batch #%3</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="86"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="120"/>
        <source>Its batch was proven fraudulent and reverted on L1. The withdrawal is safe and waits to be posted again in a new batch.</source>
        <translation>Ihr Batch wurde als betrügerisch bewiesen und auf L1 rückgängig gemacht. Die Auszahlung ist sicher und wartet darauf, in einem neuen Batch erneut veröffentlicht zu werden.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="121"/>
        <source>Its first batch was reverted by a fraud proof; it was posted again and the challenge period restarted.</source>
        <translation>Ihr erster Batch wurde durch einen Betrugsbeweis rückgängig gemacht; sie wurde erneut veröffentlicht und die Anfechtungsfrist begann neu.</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="136"/>
        <source>Final at %1</source>
        <extracomment>%1 is an absolute date and time</extracomment>
        <translation>Endgültig am %1</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="137"/>
        <source>Final time known once the batch is on L1</source>
        <translation>Endzeitpunkt bekannt, sobald der Batch auf L1 ist</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="146"/>
        <source>%1 left</source>
        <extracomment>%1 is a time span like &quot;2m 13s&quot;</extracomment>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="160"/>
        <source>Finalize</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="162"/>
        <source>Finalize the withdrawal of %1 ETH</source>
        <translation>Auszahlung von %1 ETH abschließen</translation>
    </message>
    <message>
        <location filename="../qml/bridge/TransferDelegate.qml" line="169"/>
        <source>Copy transaction hash</source>
        <translation>Transaktions-Hash kopieren</translation>
    </message>
</context>
<context>
    <name>TransfersModel</name>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="135"/>
        <source>%1d %2h %3m</source>
        <translation>%1 d %2 h %3 min</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="136"/>
        <source>%1h %2m %3s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="137"/>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="138"/>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="177"/>
        <source>Initiated on L2</source>
        <translation>Auf L2 veranlasst</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="178"/>
        <source>Posted to L1</source>
        <translation>Auf L1 veröffentlicht</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="246"/>
        <source>Ready to finalize since %1</source>
        <extracomment>%1 is the local date and time from which the withdrawal could be paid out</extracomment>
        <translation>Bereit zum Abschließen seit %1</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="247"/>
        <source>Ready to finalize</source>
        <translation>Bereit zum Abschließen</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="180"/>
        <source>In challenge window</source>
        <translation>In der Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="182"/>
        <location filename="../app/bridge/transfersmodel.cpp" line="190"/>
        <source>Finalized</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="183"/>
        <source>Batch reverted; waiting to be re-included</source>
        <translation>Batch rückgängig gemacht; wartet auf erneute Aufnahme</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="185"/>
        <source>Re-included; in challenge window</source>
        <translation>Erneut aufgenommen; in der Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="190"/>
        <source>Initiated</source>
        <translation>Veranlasst</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="190"/>
        <source>Posted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="190"/>
        <source>Challenge window</source>
        <translation>Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="190"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="219"/>
        <source>Submitted on L1</source>
        <translation>Auf L1 gesendet</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="220"/>
        <source>Queued in the rollup</source>
        <translation>In der Rollup-Warteschlange</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="221"/>
        <source>Credited on L2</source>
        <translation>Auf L2 gutgeschrieben</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="222"/>
        <source>Failed on L1</source>
        <translation>Auf L1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="226"/>
        <source>Submitted</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="226"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location filename="../app/bridge/transfersmodel.cpp" line="226"/>
        <source>Credited</source>
        <translation>Gutgeschrieben</translation>
    </message>
</context>
<context>
    <name>UnlockController</name>
    <message>
        <location filename="../app/onboarding/unlockcontroller.cpp" line="27"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/onboarding/UnlockPage.qml" line="15"/>
        <source>Unlock your wallet</source>
        <translation>Wallet entsperren</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/UnlockPage.qml" line="16"/>
        <source>Enter the password you chose for this wallet on this computer.</source>
        <translation>Geben Sie das Passwort ein, das Sie für diese Wallet auf diesem Computer gewählt haben.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/UnlockPage.qml" line="38"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/UnlockPage.qml" line="58"/>
        <source>Checking the password…</source>
        <translation>Passwort wird geprüft …</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/UnlockPage.qml" line="64"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>VerificationCard</name>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="15"/>
        <source>Network and verification</source>
        <translation>Netz und Prüfung</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="27"/>
        <source>L1 block</source>
        <extracomment>Latest block number of the Ethereum chain</extracomment>
        <translation>L1-Block</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="29"/>
        <source>L2 block</source>
        <extracomment>Latest block number of the rollup</extracomment>
        <translation>L2-Block</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="31"/>
        <source>Latest batch</source>
        <extracomment>Index of the newest batch posted to L1</extracomment>
        <translation>Neuester Batch</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="33"/>
        <source>Challenge period</source>
        <extracomment>Length of the window in which a batch can be challenged</extracomment>
        <translation>Anfechtungsfrist</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="87"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../qml/overview/VerificationCard.qml" line="88"/>
        <source>Show batches</source>
        <translation>Batches anzeigen</translation>
    </message>
</context>
<context>
    <name>VerificationStore</name>
    <message>
        <location filename="../app/stores/verificationstore.cpp" line="65"/>
        <source>No batches on L1 yet: nothing to verify.</source>
        <translation>Noch keine Batches auf L1: nichts zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="68"/>
        <source>Fraud found by this wallet in batch %1; %n batch(es) cannot be trusted.</source>
        <translation>
            <numerusform>Betrug von dieser Wallet in Batch %1 gefunden; %n Batch ist nicht vertrauenswürdig.</numerusform>
            <numerusform>Betrug von dieser Wallet in Batch %1 gefunden; %n Batches sind nicht vertrauenswürdig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="71"/>
        <source>%n batch(es) could not be verified by this wallet.</source>
        <translation>
            <numerusform>%n Batch konnte von dieser Wallet nicht geprüft werden.</numerusform>
            <numerusform>%n Batches konnten von dieser Wallet nicht geprüft werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/stores/verificationstore.cpp" line="73"/>
        <source>All %n batch(es) holding your funds verified by this wallet.</source>
        <translation>
            <numerusform>Der %n Batch mit Ihrem Guthaben ist von dieser Wallet geprüft.</numerusform>
            <numerusform>Alle %n Batches mit Ihrem Guthaben sind von dieser Wallet geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalletChannels</name>
    <message>
        <location filename="../app/stores/walletchannels.cpp" line="32"/>
        <source>This network has no payment channels.</source>
        <translation>Dieses Netzwerk hat keine Zahlungskanäle.</translation>
    </message>
    <message>
        <location filename="../app/stores/walletchannels.cpp" line="45"/>
        <source>The channel states cannot be opened: %1</source>
        <translation>Die Kanalstände können nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>WalletSession</name>
    <message>
        <location filename="../app/walletsession.cpp" line="162"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="162"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="164"/>
        <source>Starting the local network…</source>
        <translation>Das lokale Netz wird gestartet …</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="165"/>
        <source>Checking the network…</source>
        <translation>Das Netz wird geprüft …</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="166"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="167"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="347"/>
        <source>The endpoints could not be saved.</source>
        <translation>Die Endpunkte konnten nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../app/walletsession.cpp" line="217"/>
        <source>This wallet is the development fixture, made from the public test mnemonic: anyone can take what it holds. It only connects to the local devnet (L1 chain 31337 on this computer), not to L1 chain %1 at %2. Choose the local network in the settings, or use a wallet of your own.</source>
        <extracomment>%1 a chain id like 1, %2 a URL</extracomment>
        <translation>Diese Wallet ist das Entwicklungs-Fixture aus dem öffentlichen Test-Mnemonic: Jeder kann nehmen, was sie hält. Sie verbindet sich nur mit dem lokalen Devnet (L1-Chain 31337 auf diesem Computer), nicht mit L1-Chain %1 unter %2. Wählen Sie in den Einstellungen das lokale Netz oder verwenden Sie eine eigene Wallet.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="13"/>
        <source>Welcome to Sluice</source>
        <translation>Willkommen bei Sluice</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="14"/>
        <source>A wallet and bridge for Ethereum layer 2. Your keys are encrypted and never leave this computer.</source>
        <translation>Wallet und Bridge für Ethereum Layer 2. Ihre Schlüssel werden verschlüsselt und verlassen nie diesen Computer.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="29"/>
        <source>Create a new wallet</source>
        <translation>Neue Wallet erstellen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="30"/>
        <source>Get a new 12-word recovery phrase and your first account.</source>
        <translation>Erhalten Sie eine neue Wiederherstellungsphrase aus 12 Wörtern und Ihr erstes Konto.</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="36"/>
        <source>Restore from a recovery phrase</source>
        <translation>Aus Wiederherstellungsphrase wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="37"/>
        <source>Use the 12 or 24 words of an existing wallet (BIP-39).</source>
        <translation>Verwenden Sie die 12 oder 24 Wörter einer bestehenden Wallet (BIP-39).</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="43"/>
        <source>Import a keystore file or private key</source>
        <translation>Keystore-Datei oder privaten Schlüssel importieren</translation>
    </message>
    <message>
        <location filename="../qml/onboarding/WelcomePage.qml" line="44"/>
        <source>Bring in a single account from geth, cast or another wallet.</source>
        <translation>Übernehmen Sie ein einzelnes Konto aus geth, cast oder einer anderen Wallet.</translation>
    </message>
</context>
<context>
    <name>WordGrid</name>
    <message>
        <location filename="../qml/onboarding/WordGrid.qml" line="34"/>
        <source>%1: %2</source>
        <extracomment>Screen-reader text for one word of the recovery phrase: &quot;3: apple&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sluice::AppSettings</name>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="38"/>
        <source>Enter the URL of an Ethereum JSON-RPC endpoint, e.g. %1.</source>
        <translation>Geben Sie die URL eines Ethereum-JSON-RPC-Endpunkts ein, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="42"/>
        <source>&quot;%1&quot; is not a valid URL; write it like %2.</source>
        <translation>„%1“ ist keine gültige URL; schreiben Sie sie wie %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="45"/>
        <source>The RPC URL must start with http://, https://, ws:// or wss:// (not %1://).</source>
        <translation>Die RPC-URL muss mit http://, https://, ws:// oder wss:// beginnen (nicht %1://).</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="46"/>
        <source>The RPC URL has no host name; write it like %1.</source>
        <translation>Die RPC-URL hat keinen Hostnamen; schreiben Sie sie wie %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="81"/>
        <source>Unsupported language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Nicht unterstützte Sprache „%1“; wählen Sie eine von: %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="117"/>
        <source>The rollup contract address must be 0x followed by 40 hexadecimal digits.</source>
        <translation>Die Adresse des Rollup-Vertrags muss aus 0x und 40 Hexadezimalziffern bestehen.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="149"/>
        <source>Unsupported theme &quot;%1&quot;; choose one of: %2.</source>
        <translation>Nicht unterstütztes Design „%1“; wählen Sie eines von: %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="168"/>
        <source>Auto-lock must be between 1 and 1440 minutes, or 0 for never.</source>
        <translation>Die automatische Sperre muss zwischen 1 und 1440 Minuten liegen, oder 0 für nie.</translation>
    </message>
</context>
<context>
    <name>sluice::BridgeService</name>
    <message>
        <location filename="../services/bridge/bridge_service.cpp" line="352"/>
        <source>Cannot read the bridge history %1: %2</source>
        <translation>Der Bridge-Verlauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../services/bridge/bridge_service.cpp" line="361"/>
        <source>The bridge history %1 is not valid JSON; it will be rebuilt from the node.</source>
        <translation>Der Bridge-Verlauf %1 ist kein gültiges JSON; er wird vom Knoten neu aufgebaut.</translation>
    </message>
    <message>
        <location filename="../services/bridge/bridge_service.cpp" line="446"/>
        <source>Could not check the bridge history against L1 (%1); it is shown as last saved.</source>
        <translation>Der Bridge-Verlauf ließ sich nicht mit L1 abgleichen (%1); er wird so gezeigt, wie er zuletzt gespeichert wurde.</translation>
    </message>
    <message>
        <location filename="../services/bridge/bridge_service.cpp" line="489"/>
        <source>Cannot write the bridge history %1: %2</source>
        <translation>Der Bridge-Verlauf %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sluice::HeadsSubscription</name>
    <message>
        <location filename="../services/rpc/heads_subscription.cpp" line="85"/>
        <source>no WebSocket to %1 (%2); following new blocks %3</source>
        <translation>kein WebSocket zu %1 (%2); neue Blöcke werden %3 verfolgt</translation>
    </message>
    <message>
        <location filename="../services/rpc/heads_subscription.cpp" line="87"/>
        <source>by polling until it reconnects</source>
        <translation>per Abfrage, bis die Verbindung wieder steht</translation>
    </message>
    <message>
        <location filename="../services/rpc/heads_subscription.cpp" line="87"/>
        <source>again when it reconnects</source>
        <translation>wieder, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <location filename="../services/rpc/heads_subscription.cpp" line="110"/>
        <source>%1 does not support eth_subscribe newHeads; polling instead</source>
        <translation>%1 unterstützt eth_subscribe newHeads nicht; stattdessen wird abgefragt</translation>
    </message>
</context>
<context>
    <name>sluice::L2Client</name>
    <message>
        <location filename="../services/bridge/l2_client.cpp" line="234"/>
        <source>The L2 node has no WebSocket URL; %1 is followed by polling.</source>
        <translation>Der L2-Knoten hat keine WebSocket-URL; %1 wird per Abfrage verfolgt.</translation>
    </message>
    <message>
        <location filename="../services/bridge/l2_client.cpp" line="264"/>
        <source>Lost the WebSocket to the L2 node (%1); reconnecting.</source>
        <translation>WebSocket zum L2-Knoten (%1) verloren; neue Verbindung wird aufgebaut.</translation>
    </message>
    <message>
        <location filename="../services/bridge/l2_client.cpp" line="283"/>
        <source>The L2 node refused the subscription %1: %2</source>
        <translation>Der L2-Knoten hat das Abonnement %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sluice::LocalStack</name>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="126"/>
        <source>The local node (sluiced) was not found next to the app. Reinstall Sluice, or set SLUICE_SLUICED to its path.</source>
        <translation>Der lokale Knoten (sluiced) wurde neben der App nicht gefunden. Installieren Sie Sluice neu oder setzen Sie SLUICE_SLUICED auf seinen Pfad.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="131"/>
        <source>Cannot create the local network&apos;s folder %1.</source>
        <translation>Der Ordner des lokalen Netzes %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="154"/>
        <source>The local node could not be started: %1</source>
        <translation>Der lokale Knoten konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="156"/>
        <source>Starting %1 --devnet --data-dir %2</source>
        <translation>Wird gestartet: %1 --devnet --data-dir %2</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="157"/>
        <source>Starting the local network…</source>
        <translation>Das lokale Netz wird gestartet …</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="197"/>
        <source>The local node crashed.</source>
        <translation>Der lokale Knoten ist abgestürzt.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="198"/>
        <source>The local node exited with code %1.</source>
        <translation>Der lokale Knoten wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="205"/>
        <source>Could not delete %1 completely.</source>
        <translation>%1 konnte nicht vollständig gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="207"/>
        <source>Deleted the local network&apos;s data in %1.</source>
        <translation>Die Daten des lokalen Netzes in %1 wurden gelöscht.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="227"/>
        <source>The local node stopped unexpectedly (exit code %1); see its log.</source>
        <translation>Der lokale Knoten wurde unerwartet beendet (Exit-Code %1); siehe sein Protokoll.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="228"/>
        <source>The local node stopped: %1</source>
        <translation>Der lokale Knoten wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="234"/>
        <source>The local network did not answer within %1 s.</source>
        <translation>Das lokale Netz hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="236"/>
        <source>The local network did not come up within %1 s; see its log.</source>
        <translation>Das lokale Netz ist nicht innerhalb von %1 s gestartet; siehe sein Protokoll.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="256"/>
        <source>The local network is running.</source>
        <translation>Das lokale Netz läuft.</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="257"/>
        <source>L1 %1, L2 %2, rollup %3</source>
        <translation>L1 %1, L2 %2, Rollup %3</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="280"/>
        <source>Stopping the local network…</source>
        <translation>Das lokale Netz wird beendet …</translation>
    </message>
    <message>
        <location filename="../services/localstack/local_stack.cpp" line="293"/>
        <source>Resetting the local network.</source>
        <translation>Das lokale Netz wird zurückgesetzt.</translation>
    </message>
</context>
<context>
    <name>sluice::WalletStore</name>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="219"/>
        <source>The password must have at least %1 characters.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="335"/>
        <location filename="../services/wallet/walletstore.cpp" line="355"/>
        <location filename="../services/wallet/walletstore.cpp" line="391"/>
        <location filename="../services/wallet/walletstore.cpp" line="544"/>
        <source>A wallet already exists in %1; it was not overwritten.</source>
        <translation>In %1 gibt es bereits eine Wallet; sie wurde nicht überschrieben.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="459"/>
        <source>The recovery phrase is not valid: %1.</source>
        <translation>Die Wiederherstellungsphrase ist ungültig: %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="464"/>
        <source>The passphrase must not contain a NUL character.</source>
        <translation>Die Passphrase darf kein NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="498"/>
        <source>This is not a valid private key (64 hexadecimal digits, optionally starting with 0x).</source>
        <translation>Das ist kein gültiger privater Schlüssel (64 Hex-Ziffern, optional mit 0x am Anfang).</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="575"/>
        <source>There is no wallet in %1 to unlock.</source>
        <translation>In %1 gibt es keine Wallet zum Entsperren.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="596"/>
        <source>The wallet file is inconsistent: account %1 is stored as %2 but the key gives %3. The file may have been tampered with; it was not unlocked.</source>
        <translation>Die Wallet-Datei ist widersprüchlich: Konto %1 ist als %2 gespeichert, der Schlüssel ergibt aber %3. Die Datei wurde möglicherweise manipuliert; sie wurde nicht entsperrt.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="605"/>
        <source>The wallet file&apos;s decrypted secret is malformed.</source>
        <translation>Das entschlüsselte Geheimnis der Wallet-Datei ist fehlerhaft.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="627"/>
        <source>The wallet file&apos;s decrypted secret is not a valid private key.</source>
        <translation>Das entschlüsselte Geheimnis der Wallet-Datei ist kein gültiger privater Schlüssel.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="654"/>
        <source>Unlock the wallet to add an account.</source>
        <translation>Entsperren Sie die Wallet, um ein Konto hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="658"/>
        <source>Only a wallet created from a recovery phrase can derive more accounts.</source>
        <translation>Nur eine Wallet aus einer Wiederherstellungsphrase kann weitere Konten ableiten.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="675"/>
        <location filename="../services/wallet/walletstore.cpp" line="692"/>
        <source>The wallet file changed on disk; lock and unlock the wallet.</source>
        <translation>Die Wallet-Datei wurde auf der Festplatte geändert; sperren und entsperren Sie die Wallet.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="718"/>
        <source>The wallet is locked; unlock it to sign.</source>
        <translation>Die Wallet ist gesperrt; entsperren Sie sie zum Signieren.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="721"/>
        <source>There is no account %1 in this wallet.</source>
        <translation>Diese Wallet hat kein Konto %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="70"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="81"/>
        <source>The wallet file %1 cannot be used: %2. It was left unchanged; move it aside to create or restore a wallet.</source>
        <translation>Die Wallet-Datei %1 ist nicht verwendbar: %2. Sie wurde nicht verändert; verschieben Sie sie, um eine Wallet zu erstellen oder wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="89"/>
        <source>it is not valid JSON (it may be damaged)</source>
        <translation>sie ist kein gültiges JSON (möglicherweise beschädigt)</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="94"/>
        <source>it has no format version</source>
        <translation>sie hat keine Formatversion</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="96"/>
        <source>it has format version %1, which this version of Sluice does not know (it may have been written by a newer version)</source>
        <translation>sie hat die Formatversion %1, die diese Sluice-Version nicht kennt (vielleicht von einer neueren Version geschrieben)</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="105"/>
        <source>unknown wallet kind &quot;%1&quot;</source>
        <translation>unbekannte Wallet-Art „%1“</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="106"/>
        <source>the encrypted secret is missing</source>
        <translation>das verschlüsselte Geheimnis fehlt</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="108"/>
        <source>it lists no accounts</source>
        <translation>sie enthält keine Konten</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="115"/>
        <source>an account has no valid index</source>
        <translation>ein Konto hat keinen gültigen Index</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="119"/>
        <source>account %1 has no valid address</source>
        <translation>Konto %1 hat keine gültige Adresse</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="124"/>
        <source>account %1 is listed twice</source>
        <translation>Konto %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="128"/>
        <source>a private-key wallet must have exactly one account, index 0</source>
        <translation>eine Wallet aus einem privaten Schlüssel muss genau ein Konto haben, Index 0</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="146"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="153"/>
        <source>Cannot write the wallet file %1: %2.</source>
        <translation>Die Wallet-Datei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="166"/>
        <source>Wrong password for this keystore file.</source>
        <translation>Falsches Passwort für diese Keystore-Datei.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="166"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="417"/>
        <source>Cannot read the wallet file %1: %2.</source>
        <translation>Die Wallet-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="743"/>
        <source>The wallet is no longer open.</source>
        <translation>Die Wallet ist nicht mehr geöffnet.</translation>
    </message>
</context>
</TS>
