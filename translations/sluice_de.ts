<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDelegate</name>
    <message>
        <location filename="../qml/AccountDelegate.qml" line="85"/>
        <location filename="../qml/AccountDelegate.qml" line="87"/>
        <source>Copy address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <location filename="../qml/AccountDelegate.qml" line="108"/>
        <source>Balance unavailable</source>
        <extracomment>Shown instead of a balance when the node could not be asked</extracomment>
        <translation>Guthaben nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/AccountDelegate.qml" line="121"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../qml/AccountDelegate.qml" line="127"/>
        <source>on L1</source>
        <extracomment>Small caption under a balance: the network it is on</extracomment>
        <translation>auf L1</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../app/accountsmodel.cpp" line="138"/>
        <source>%1 ETH</source>
        <extracomment>A balance in ether; %1 is an exact decimal amount such as 1.5</extracomment>
        <translation>%1 ETH</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../qml/AccountsPage.qml" line="15"/>
        <source>Address copied to the clipboard</source>
        <translation>Adresse in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../qml/AccountsPage.qml" line="33"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../qml/AccountsPage.qml" line="41"/>
        <source>Balances on Ethereum (L1), updated with every new block</source>
        <translation>Guthaben auf Ethereum (L1), aktualisiert mit jedem neuen Block</translation>
    </message>
    <message>
        <location filename="../qml/AccountsPage.qml" line="56"/>
        <source>+  Add account</source>
        <translation>+  Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/AccountsPage.qml" line="85"/>
        <source>No accounts yet.</source>
        <translation>Noch keine Konten.</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="46"/>
        <source>Ethereum L2 wallet &amp; bridge</source>
        <extracomment>Tagline next to the app name in the header</extracomment>
        <translation>Ethereum-L2-Wallet &amp; Bridge</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="60"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="67"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="79"/>
        <location filename="../qml/AppHeader.qml" line="81"/>
        <source>Lock the wallet</source>
        <translation>Wallet sperren</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../qml/ConfirmPage.qml" line="23"/>
        <source>Confirm your recovery phrase</source>
        <translation>Wiederherstellungsphrase bestätigen</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmPage.qml" line="24"/>
        <source>Enter the words at the positions below, from what you wrote down.</source>
        <translation>Gib die Wörter an den folgenden Positionen aus deiner Notiz ein.</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmPage.qml" line="37"/>
        <source>Word #%1</source>
        <extracomment>Placeholder of a field asking for one word of the recovery phrase, e.g. &quot;Word #7&quot;</extracomment>
        <translation>Wort Nr. %1</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmPage.qml" line="52"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../qml/CreatePage.qml" line="15"/>
        <source>Your recovery phrase</source>
        <translation>Deine Wiederherstellungsphrase</translation>
    </message>
    <message>
        <location filename="../qml/CreatePage.qml" line="16"/>
        <source>These 12 words are the only backup of your wallet. Write them down on paper, in this order, and keep them somewhere safe.</source>
        <translation>Diese 12 Wörter sind die einzige Sicherung deiner Wallet. Schreib sie in dieser Reihenfolge auf Papier und bewahre sie sicher auf.</translation>
    </message>
    <message>
        <location filename="../qml/CreatePage.qml" line="20"/>
        <source>Write this down now</source>
        <translation>Jetzt aufschreiben</translation>
    </message>
    <message>
        <location filename="../qml/CreatePage.qml" line="21"/>
        <source>Anyone who sees these words can take your funds. Never type them into a website or share a photo of them. Sluice cannot recover them for you.</source>
        <translation>Wer diese Wörter sieht, kann über dein Guthaben verfügen. Gib sie nie auf einer Website ein und teile kein Foto davon. Sluice kann sie nicht für dich wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../qml/CreatePage.qml" line="35"/>
        <source>I have written down all 12 words in order</source>
        <translation>Ich habe alle 12 Wörter der Reihe nach aufgeschrieben</translation>
    </message>
    <message>
        <location filename="../qml/CreatePage.qml" line="39"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../qml/FormPage.qml" line="47"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../qml/ImportPage.qml" line="24"/>
        <source>Import an account</source>
        <translation>Konto importieren</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="25"/>
        <source>Bring in an account from a keystore file (geth, cast, MyEtherWallet) or from its private key.</source>
        <translation>Übernimm ein Konto aus einer Keystore-Datei (geth, cast, MyEtherWallet) oder über seinen privaten Schlüssel.</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="38"/>
        <location filename="../qml/ImportPage.qml" line="56"/>
        <source>Keystore file</source>
        <translation>Keystore-Datei</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="39"/>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="55"/>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="59"/>
        <source>Choose file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="66"/>
        <source>Password of the keystore file</source>
        <translation>Passwort der Keystore-Datei</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="77"/>
        <source>Private key: 64 hex digits, with or without 0x</source>
        <translation>Privater Schlüssel: 64 Hex-Ziffern, mit oder ohne 0x</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="90"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="96"/>
        <source>Choose a keystore file</source>
        <translation>Keystore-Datei wählen</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="97"/>
        <source>Keystore files (*.json UTC--*)</source>
        <translation>Keystore-Dateien (*.json UTC--*)</translation>
    </message>
    <message>
        <location filename="../qml/ImportPage.qml" line="97"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="18"/>
        <source>Sluice</source>
        <translation>Sluice</translation>
    </message>
</context>
<context>
    <name>OnboardingController</name>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="49"/>
        <source>A recovery phrase has 12, 15, 18, 21 or 24 words, but this one has %1.</source>
        <extracomment>%1 is the number of words the user typed</extracomment>
        <translation>Eine Wiederherstellungsphrase hat 12, 15, 18, 21 oder 24 Wörter, diese hat aber %1.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="55"/>
        <source>&quot;%1&quot; (word %2) is not a word of the BIP-39 English word list. Check its spelling.</source>
        <extracomment>%1 is the word as typed, %2 its position in the phrase</extracomment>
        <translation>„%1“ (Wort %2) steht nicht in der englischen BIP-39-Wortliste. Prüfe die Schreibweise.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="61"/>
        <source>The recovery phrase&apos;s checksum does not match: a word is wrong or the words are out of order.</source>
        <translation>Die Prüfsumme der Wiederherstellungsphrase stimmt nicht: Ein Wort ist falsch oder die Reihenfolge stimmt nicht.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="77"/>
        <source>Use at least %1 characters. A longer passphrase of several words is stronger than a short complicated one.</source>
        <extracomment>%1 is a number of characters</extracomment>
        <translation>Verwende mindestens %1 Zeichen. Eine längere Passphrase aus mehreren Wörtern ist sicherer als ein kurzes, kompliziertes Passwort.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="85"/>
        <source>Could not get random numbers from the operating system to make a recovery phrase.</source>
        <translation>Das Betriebssystem hat keine Zufallszahlen für eine Wiederherstellungsphrase geliefert.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="104"/>
        <source>There is no recovery phrase to confirm. Go back and create one.</source>
        <translation>Es gibt keine Wiederherstellungsphrase zu bestätigen. Geh zurück und erstelle eine.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="111"/>
        <source>Enter word #%1.</source>
        <translation>Gib Wort Nr. %1 ein.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="115"/>
        <source>Word #%1 is not the word of your recovery phrase. Check what you wrote down.</source>
        <translation>Wort Nr. %1 stimmt nicht mit deiner Wiederherstellungsphrase überein. Prüfe deine Notiz.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="127"/>
        <source>Enter your recovery phrase.</source>
        <translation>Gib deine Wiederherstellungsphrase ein.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="144"/>
        <source>Choose a keystore file.</source>
        <translation>Wähle eine Keystore-Datei.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="148"/>
        <source>Enter the password of the keystore file.</source>
        <translation>Gib das Passwort der Keystore-Datei ein.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="163"/>
        <source>This is not a valid private key: it must be 64 hexadecimal digits (0x optional) and within the secp256k1 range.</source>
        <translation>Das ist kein gültiger privater Schlüssel: Er muss aus 64 Hex-Ziffern bestehen (0x optional) und im Wertebereich von secp256k1 liegen.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="175"/>
        <source>Start again from the welcome page.</source>
        <translation>Beginne noch einmal auf der Startseite.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="184"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="216"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../app/onboardingcontroller.cpp" line="218"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../qml/PasswordField.qml" line="29"/>
        <source>Hide password</source>
        <translation>Passwort verbergen</translation>
    </message>
    <message>
        <location filename="../qml/PasswordField.qml" line="29"/>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../qml/PasswordPage.qml" line="18"/>
        <source>Choose a password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <location filename="../qml/PasswordPage.qml" line="19"/>
        <source>Sluice encrypts your keys with this password. You will need it every time you open the wallet.</source>
        <translation>Sluice verschlüsselt deine Schlüssel mit diesem Passwort. Du brauchst es bei jedem Öffnen der Wallet.</translation>
    </message>
    <message>
        <location filename="../qml/PasswordPage.qml" line="34"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/PasswordPage.qml" line="42"/>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../qml/PasswordPage.qml" line="63"/>
        <source>Encrypting your wallet… this takes a moment.</source>
        <translation>Wallet wird verschlüsselt … das dauert einen Moment.</translation>
    </message>
    <message>
        <location filename="../qml/PasswordPage.qml" line="70"/>
        <source>Create wallet</source>
        <translation>Wallet erstellen</translation>
    </message>
</context>
<context>
    <name>RestorePage</name>
    <message>
        <location filename="../qml/RestorePage.qml" line="20"/>
        <source>Restore a wallet</source>
        <translation>Wallet wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="21"/>
        <source>Type your recovery phrase, with the words separated by spaces.</source>
        <translation>Gib deine Wiederherstellungsphrase ein, die Wörter durch Leerzeichen getrennt.</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="32"/>
        <source>12, 15, 18, 21 or 24 words</source>
        <translation>12, 15, 18, 21 oder 24 Wörter</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="36"/>
        <source>Recovery phrase</source>
        <translation>Wiederherstellungsphrase</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="44"/>
        <source>This wallet uses a BIP-39 passphrase</source>
        <extracomment>BIP-39 &quot;25th word&quot;; most wallets do not use one</extracomment>
        <translation>Diese Wallet verwendet eine BIP-39-Passphrase</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="50"/>
        <source>BIP-39 passphrase (not your Sluice password)</source>
        <translation>BIP-39-Passphrase (nicht dein Sluice-Passwort)</translation>
    </message>
    <message>
        <location filename="../qml/RestorePage.qml" line="59"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <location filename="../app/settingscontroller.cpp" line="23"/>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="15"/>
        <source>Saved. Connecting to the new endpoint…</source>
        <translation>Gespeichert. Verbindung zum neuen Endpunkt wird aufgebaut …</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="33"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="46"/>
        <source>Ethereum (L1) node</source>
        <translation>Ethereum-Knoten (L1)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="53"/>
        <source>The JSON-RPC endpoint Sluice reads balances and new blocks from: http(s) or ws(s). A local anvil listens on http://127.0.0.1:8545.</source>
        <translation>Der JSON-RPC-Endpunkt, von dem Sluice Guthaben und neue Blöcke liest: http(s) oder ws(s). Ein lokales anvil lauscht auf http://127.0.0.1:8545.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="70"/>
        <source>L1 RPC URL</source>
        <translation>L1-RPC-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="76"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="97"/>
        <location filename="../qml/SettingsPage.qml" line="116"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="104"/>
        <source>Changes the language at once, no restart needed.</source>
        <translation>Wechselt die Sprache sofort, ohne Neustart.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="138"/>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="145"/>
        <source>Locking wipes the decrypted keys from memory. You will need your password to continue.</source>
        <translation>Beim Sperren werden die entschlüsselten Schlüssel aus dem Speicher gelöscht. Zum Weitermachen brauchst du dann dein Passwort.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="152"/>
        <source>Wallet folder: %1</source>
        <extracomment>%1 is a folder path</extracomment>
        <translation>Wallet-Ordner: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="160"/>
        <source>Lock now</source>
        <translation>Jetzt sperren</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/StatusBar.qml" line="38"/>
        <source>L1 connected</source>
        <translation>L1 verbunden</translation>
    </message>
    <message>
        <location filename="../qml/StatusBar.qml" line="39"/>
        <source>Connecting to L1…</source>
        <translation>Verbinde mit L1 …</translation>
    </message>
    <message>
        <location filename="../qml/StatusBar.qml" line="41"/>
        <source>L1 node unreachable</source>
        <extracomment>The Ethereum node at the configured URL does not answer</extracomment>
        <translation>L1-Knoten nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/StatusBar.qml" line="67"/>
        <source>Chain %1</source>
        <extracomment>%1 is the numeric chain id, e.g. 31337</extracomment>
        <translation>Chain %1</translation>
    </message>
    <message>
        <location filename="../qml/StatusBar.qml" line="80"/>
        <source>Block #%1</source>
        <extracomment>%1 is the number of the latest block</extracomment>
        <translation>Block Nr. %1</translation>
    </message>
</context>
<context>
    <name>UnlockController</name>
    <message>
        <location filename="../app/unlockcontroller.cpp" line="24"/>
        <source>Enter your password.</source>
        <translation>Gib dein Passwort ein.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="15"/>
        <source>Unlock your wallet</source>
        <translation>Wallet entsperren</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="16"/>
        <source>Enter the password you chose for this wallet on this computer.</source>
        <translation>Gib das Passwort ein, das du für diese Wallet auf diesem Computer gewählt hast.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="36"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="56"/>
        <source>Checking the password…</source>
        <translation>Passwort wird geprüft …</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="62"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../qml/WelcomePage.qml" line="14"/>
        <source>Welcome to Sluice</source>
        <translation>Willkommen bei Sluice</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="15"/>
        <source>A wallet and bridge for Ethereum layer 2. Your keys are encrypted and never leave this computer.</source>
        <translation>Wallet und Bridge für Ethereum Layer 2. Deine Schlüssel werden verschlüsselt und verlassen nie diesen Computer.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="29"/>
        <source>Create a new wallet</source>
        <translation>Neue Wallet erstellen</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="30"/>
        <source>Get a new 12-word recovery phrase and your first account.</source>
        <translation>Erhalte eine neue Wiederherstellungsphrase aus 12 Wörtern und dein erstes Konto.</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="36"/>
        <source>Restore from a recovery phrase</source>
        <translation>Aus Wiederherstellungsphrase wiederherstellen</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="37"/>
        <source>Use the 12 or 24 words of an existing wallet (BIP-39).</source>
        <translation>Verwende die 12 oder 24 Wörter einer bestehenden Wallet (BIP-39).</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="43"/>
        <source>Import a keystore file or private key</source>
        <translation>Keystore-Datei oder privaten Schlüssel importieren</translation>
    </message>
    <message>
        <location filename="../qml/WelcomePage.qml" line="44"/>
        <source>Bring in a single account from geth, cast or another wallet.</source>
        <translation>Übernimm ein einzelnes Konto aus geth, cast oder einer anderen Wallet.</translation>
    </message>
</context>
<context>
    <name>WordGrid</name>
    <message>
        <location filename="../qml/WordGrid.qml" line="34"/>
        <source>%1: %2</source>
        <extracomment>Screen-reader text for one word of the recovery phrase: &quot;3: apple&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sluice::AppSettings</name>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="31"/>
        <source>Enter the URL of an Ethereum JSON-RPC endpoint, e.g. %1.</source>
        <translation>Gib die URL eines Ethereum-JSON-RPC-Endpunkts ein, z. B. %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="35"/>
        <source>&quot;%1&quot; is not a valid URL; write it like %2.</source>
        <translation>„%1“ ist keine gültige URL; schreib sie wie %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="38"/>
        <source>The RPC URL must start with http://, https://, ws:// or wss:// (not %1://).</source>
        <translation>Die RPC-URL muss mit http://, https://, ws:// oder wss:// beginnen (nicht %1://).</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="39"/>
        <source>The RPC URL has no host name; write it like %1.</source>
        <translation>Die RPC-URL hat keinen Hostnamen; schreib sie wie %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/appsettings.cpp" line="74"/>
        <source>Unsupported language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Nicht unterstützte Sprache „%1“; wähle eine von: %2.</translation>
    </message>
</context>
<context>
    <name>sluice::WalletStore</name>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="242"/>
        <source>The password must have at least %1 characters.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="354"/>
        <location filename="../services/wallet/walletstore.cpp" line="373"/>
        <location filename="../services/wallet/walletstore.cpp" line="408"/>
        <location filename="../services/wallet/walletstore.cpp" line="560"/>
        <source>A wallet already exists in %1; it was not overwritten.</source>
        <translation>In %1 gibt es bereits eine Wallet; sie wurde nicht überschrieben.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="475"/>
        <source>The recovery phrase is not valid: %1.</source>
        <translation>Die Wiederherstellungsphrase ist ungültig: %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="480"/>
        <source>The passphrase must not contain a NUL character.</source>
        <translation>Die Passphrase darf kein NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="514"/>
        <source>This is not a valid private key (64 hexadecimal digits, optionally starting with 0x).</source>
        <translation>Das ist kein gültiger privater Schlüssel (64 Hex-Ziffern, optional mit 0x am Anfang).</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="591"/>
        <source>There is no wallet in %1 to unlock.</source>
        <translation>In %1 gibt es keine Wallet zum Entsperren.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="610"/>
        <source>The wallet file is inconsistent: account %1 is stored as %2 but the key gives %3. The file may have been tampered with; it was not unlocked.</source>
        <translation>Die Wallet-Datei ist widersprüchlich: Konto %1 ist als %2 gespeichert, der Schlüssel ergibt aber %3. Die Datei wurde möglicherweise manipuliert; sie wurde nicht entsperrt.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="619"/>
        <source>The wallet file&apos;s decrypted secret is malformed.</source>
        <translation>Das entschlüsselte Geheimnis der Wallet-Datei ist fehlerhaft.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="641"/>
        <source>The wallet file&apos;s decrypted secret is not a valid private key.</source>
        <translation>Das entschlüsselte Geheimnis der Wallet-Datei ist kein gültiger privater Schlüssel.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="668"/>
        <source>Unlock the wallet to add an account.</source>
        <translation>Entsperre die Wallet, um ein Konto hinzuzufügen.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="672"/>
        <source>Only a wallet created from a recovery phrase can derive more accounts.</source>
        <translation>Nur eine Wallet aus einer Wiederherstellungsphrase kann weitere Konten ableiten.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="688"/>
        <location filename="../services/wallet/walletstore.cpp" line="705"/>
        <source>The wallet file changed on disk; lock and unlock the wallet.</source>
        <translation>Die Wallet-Datei wurde auf der Festplatte geändert; sperre und entsperre die Wallet.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="731"/>
        <source>The wallet is locked; unlock it to sign.</source>
        <translation>Die Wallet ist gesperrt; entsperre sie zum Signieren.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="733"/>
        <source>There is no account %1 in this wallet.</source>
        <translation>Diese Wallet hat kein Konto %1.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="97"/>
        <source>Account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="108"/>
        <source>The wallet file %1 cannot be used: %2. It was left unchanged; move it aside to create or restore a wallet.</source>
        <translation>Die Wallet-Datei %1 ist nicht verwendbar: %2. Sie wurde nicht verändert; verschiebe sie, um eine Wallet zu erstellen oder wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="116"/>
        <source>it is not valid JSON (it may be damaged)</source>
        <translation>sie ist kein gültiges JSON (möglicherweise beschädigt)</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="121"/>
        <source>it has no format version</source>
        <translation>sie hat keine Formatversion</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="123"/>
        <source>it has format version %1, which this version of Sluice does not know (it may have been written by a newer version)</source>
        <translation>sie hat die Formatversion %1, die diese Sluice-Version nicht kennt (vielleicht von einer neueren Version geschrieben)</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="132"/>
        <source>unknown wallet kind &quot;%1&quot;</source>
        <translation>unbekannte Wallet-Art „%1“</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="133"/>
        <source>the encrypted secret is missing</source>
        <translation>das verschlüsselte Geheimnis fehlt</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="135"/>
        <source>it lists no accounts</source>
        <translation>sie enthält keine Konten</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="142"/>
        <source>an account has no valid index</source>
        <translation>ein Konto hat keinen gültigen Index</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="146"/>
        <source>account %1 has no valid address</source>
        <translation>Konto %1 hat keine gültige Adresse</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="151"/>
        <source>account %1 is listed twice</source>
        <translation>Konto %1 ist doppelt aufgeführt</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="155"/>
        <source>a private-key wallet must have exactly one account, index 0</source>
        <translation>eine Wallet aus einem privaten Schlüssel muss genau ein Konto haben, Index 0</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="172"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="178"/>
        <source>Cannot write the wallet file %1: %2.</source>
        <translation>Die Wallet-Datei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="193"/>
        <source>Wrong password for this keystore file.</source>
        <translation>Falsches Passwort für diese Keystore-Datei.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="193"/>
        <source>Wrong password.</source>
        <translation>Falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../services/wallet/walletstore.cpp" line="433"/>
        <source>Cannot read the wallet file %1: %2.</source>
        <translation>Die Wallet-Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
</TS>
