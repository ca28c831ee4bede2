// SPDX-License-Identifier: MIT
// The QR decoder against codes libqrencode makes: every version 1-40 at every EC level, filled and
// nearly empty; the app's own codes (libqrencode mixing numeric, alphanumeric and byte segments);
// all eight masks; non-integer scales with anti-aliased edges; turns by 90 degrees and a slight
// skew; a code on a page of text; light on dark, shaded, on a transparent background. Damage within
// the error correction is corrected, damage beyond it is reported and never read as another text;
// pictures without a code (white, noise, one pixel) say so, other encodings (ECI, Kanji, structured
// append) too; 200 random crops, scales and noise pictures crash nothing.
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>
#include <QTransform>

#include <qrencode.h>

#include <map>
#include <memory>
#include <set>
#include <utility>

#include "qr/qrdecoder.h"

namespace {

const QString kCafe = QStringLiteral("Zahlung für Café – 0.25 ETH");

// An invoice as the Channels page offers it (about 200 characters).
QString invoiceText() {
    return QStringLiteral(
        "sluice:invoice?channel=0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc&amount=250000000000000000"
        "&hash=0x9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08&expiry=1764892800");
}

const QString kNotFound = QStringLiteral("No QR code was found in the image.");
const QString kDamaged = QStringLiteral("The QR code could not be read (too damaged).");
const QString kUnsupported = QStringLiteral("The QR code uses an encoding this wallet does not read.");

struct CodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
using Code = std::unique_ptr<QRcode, CodeFree>;

// As the app encodes (qrimage.cpp): libqrencode splits the text into numeric, alphanumeric and
// byte segments. Not case-sensitive, it upper-cases ASCII letters to use alphanumeric more.
Code encode(const QString& text, int version = 0, QRecLevel level = QR_ECLEVEL_M, bool caseSensitive = true) {
    return Code(QRcode_encodeString(text.toUtf8().constData(), version, level, QR_MODE_8, caseSensitive ? 1 : 0));
}

// Byte segments only.
Code encodeBytes(const QString& text, int version, QRecLevel level) {
    return Code(QRcode_encodeString8bit(text.toUtf8().constData(), version, level));
}

// Black modules on white, `pixels` per module, `quiet` modules of margin.
QImage renderModules(const QRcode& code, int pixels, int quiet = 4) {
    const int side = (code.width + 2 * quiet) * pixels;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code.width; ++y)
        for (int x = 0; x < code.width; ++x)
            if (code.data[y * code.width + x] & 1)
                painter.fillRect((x + quiet) * pixels, (y + quiet) * pixels, pixels, pixels, Qt::black);
    return image;
}

QImage smoothScaled(const QImage& image, double factor) {
    const int side = qRound(image.width() * factor);
    return image.scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// `scale` pixels per module, anti-aliased as a screenshot of a scaled code: drawn at 16 pixels per
// module and smooth-scaled down (or, `fromOnePixel`, drawn at one and smooth-scaled up, blurred).
QImage render(const QRcode& code, double scale, int quiet = 4, bool fromOnePixel = false) {
    if (scale == int(scale) && !fromOnePixel) return renderModules(code, int(scale), quiet);
    return fromOnePixel ? smoothScaled(renderModules(code, 1, quiet), scale)
                        : smoothScaled(renderModules(code, 16, quiet), scale / 16);
}

// The mask libqrencode chose: format bits 14-10 (row 8, columns 0-4) XOR 0x15, 0x5412's top bits.
int maskOf(const QRcode& code) {
    int bits = 0;
    for (int column = 0; column < 5; ++column) bits = (bits << 1) | (code.data[8 * code.width + column] & 1);
    return (bits ^ 0x15) & 7;
}

// Flips `count` distinct modules of the data and EC area (libqrencode's bit 1), at random.
void flipDataModules(QRcode& code, int count, quint32 seed) {
    QRandomGenerator random(seed);
    std::set<int> flipped;
    const int modules = code.width * code.width;
    while (int(flipped.size()) < count) {
        const int i = random.bounded(modules);
        if ((code.data[i] & 2) && flipped.insert(i).second) code.data[i] ^= 1;
    }
}

int dataModules(const QRcode& code) {
    int n = 0;
    for (int i = 0; i < code.width * code.width; ++i) n += (code.data[i] & 2) ? 1 : 0;
    return n;
}

// The longest prefix of a long mixed text that still fits `version` at `level` in byte mode. The
// search starts from the previous version's (the table's rows run in order; a version holds at most
// 144 bytes more than the one before).
QString fillingText(int version, QRecLevel level) {
    static std::map<std::pair<int, int>, int> longest;
    QString source;
    while (source.size() < 3000) source += kCafe + QLatin1Char(' ') + invoiceText() + QLatin1Char(' ');
    auto fitsIn = [&](int length) {
        const Code code = encodeBytes(source.left(length), version, level);
        return code && code->version == version;
    };
    const auto previous = longest.find({version - 1, level});
    int fits = previous == longest.end() ? 0 : previous->second, tooLong = fits + 256;
    while (fitsIn(tooLong)) fits = std::exchange(tooLong, 2 * tooLong);
    while (tooLong - fits > 1) {
        const int middle = (fits + tooLong) / 2;
        (fitsIn(middle) ? fits : tooLong) = middle;
    }
    longest[{version, level}] = fits;
    return source.left(fits);
}

QString decoded(const QImage& image) {
    const QrDecodeResult result = decodeQrImage(image);
    return result.ok() ? result.text : QStringLiteral("error: ") + result.error;
}

}  // namespace

class TestQrDecoder : public QObject {
    Q_OBJECT
private slots:
    void versionsAndLevels_data();
    void versionsAndLevels();
    void appCodes_data();
    void appCodes();
    void allMasks();
    void scales_data();
    void scales();
    void turned_data();
    void turned();
    void onAPage();
    void narrowQuietZone();
    void lightOnDark();
    void shadedAndTransparent();
    void damageWithinCorrection_data();
    void damageWithinCorrection();
    void damagedFormatAndVersion();
    void damageBeyondCorrection();
    void noCode();
    void otherEncodings();
    void randomPicturesDoNotCrash();
};

void TestQrDecoder::versionsAndLevels_data() {
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("level");
    const char* names[] = {"L", "M", "Q", "H"};
    for (int version = 1; version <= 40; ++version)
        for (int level = QR_ECLEVEL_L; level <= QR_ECLEVEL_H; ++level)
            QTest::addRow("%d-%s", version, names[level]) << version << level;
}

// Each version at each level, nearly empty (one short text, the rest padding) and full to the last
// codeword (every block's data in use), both byte mode and the app's mixed segments.
void TestQrDecoder::versionsAndLevels() {
    QFETCH(int, version);
    QFETCH(int, level);
    const auto ecLevel = QRecLevel(level);
    const QString full = fillingText(version, ecLevel);
    for (const QString& text : {QStringLiteral("Café 1"), full}) {  // 7 bytes fit version 1-H
        for (bool bytesOnly : {true, false}) {
            const Code code = bytesOnly ? encodeBytes(text, version, ecLevel) : encode(text, version, ecLevel);
            QVERIFY(code);
            QCOMPARE(code->version, version);
            QCOMPARE(decoded(render(*code, 3)), text);
        }
    }
}

void TestQrDecoder::appCodes_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("invoice") << invoiceText();
    QTest::newRow("non-ASCII") << kCafe;
    QTest::newRow("digits") << QStringLiteral("31415926535897932384626433832795028841971");
    QTest::newRow("one digit") << QStringLiteral("7");
    QTest::newRow("alphanumeric") << QStringLiteral("PAY 0.25 ETH TO HUB-1 $%*+-./:");
    QTest::newRow("mixed") << QStringLiteral("ABC123456789012xyz:üñ€/0123456789ABCDEF-ÅÄÖ 12");
    QTest::newRow("address") << QStringLiteral("ethereum:0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC@31337");
}

// The app's own encoding at every level, case-sensitive (as qrimage.cpp) and not (alphanumeric
// wherever possible: the text comes back upper-cased).
void TestQrDecoder::appCodes() {
    QFETCH(QString, text);
    for (int level = QR_ECLEVEL_L; level <= QR_ECLEVEL_H; ++level) {
        for (bool caseSensitive : {true, false}) {
            const Code code = encode(text, 0, QRecLevel(level), caseSensitive);
            QVERIFY(code);
            QString expected = text;
            if (!caseSensitive)
                for (QChar& c : expected)
                    if (c >= QLatin1Char('a') && c <= QLatin1Char('z')) c = c.toUpper();
            QCOMPARE(decoded(render(*code, 4)), expected);
        }
    }
}

// libqrencode picks the mask; enough different texts and versions meet all eight.
void TestQrDecoder::allMasks() {
    int seen = 0;
    for (int i = 0; i < 400 && seen != 0xFF; ++i) {
        const QString text = QStringLiteral("mask %1 ").arg(i).repeated(1 + i % 7);
        const Code code = encode(text, 1 + i % 12, QRecLevel(i % 4));
        QVERIFY(code);
        QCOMPARE(decoded(render(*code, 2)), text);
        seen |= 1 << maskOf(*code);
    }
    QCOMPARE(seen, 0xFF);
}

void TestQrDecoder::scales_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("fromOnePixel");
    for (double scale : {1.5, 2.0, 2.5, 3.0, 4.4, 7.3, 12.0}) {
        QTest::addRow("%.1f", scale) << scale << false;
        QTest::addRow("%.1f from 1 px", scale) << scale << true;
    }
}

// Non-integer scales, anti-aliased; a quiet zone of 4 and of 1 module.
void TestQrDecoder::scales() {
    QFETCH(double, scale);
    QFETCH(bool, fromOnePixel);
    const Code small = encode(kCafe, 0, QR_ECLEVEL_H);  // version 4
    const Code invoice = encode(invoiceText());
    const Code large = encode(invoiceText(), 15, QR_ECLEVEL_Q);
    const Code largest = encode(invoiceText(), 20, QR_ECLEVEL_L);
    for (const Code* code : {&small, &invoice, &large, &largest}) {
        const QString expected = code == &small ? kCafe : invoiceText();
        QCOMPARE(decoded(render(**code, scale, 4, fromOnePixel)), expected);
        QCOMPARE(decoded(render(**code, scale, 1, fromOnePixel)), expected);
    }
}

void TestQrDecoder::turned_data() {
    QTest::addColumn<double>("degrees");
    for (double degrees : {90.0, 180.0, 270.0, 1.0, -2.0, 2.5}) QTest::addRow("%g", degrees) << degrees;
}

void TestQrDecoder::turned() {
    QFETCH(double, degrees);
    for (int version : {0, 10}) {  // the smallest that holds the invoice (9), and 10
        const Code code = encode(invoiceText(), version, QR_ECLEVEL_M);
        QImage image = render(*code, 5).transformed(QTransform().rotate(degrees), Qt::SmoothTransformation);
        // A turn off the right angles leaves transparent corners: laid on white, as on a screen.
        QImage onWhite(image.size(), QImage::Format_RGB32);
        onWhite.fill(Qt::white);
        QPainter(&onWhite).drawImage(0, 0, image);
        QCOMPARE(decoded(onWhite), invoiceText());
    }
}

// A code at an odd place in a page of text, lines and boxes: the text's letters make stray finder
// candidates.
void TestQrDecoder::onAPage() {
    const Code code = encode(invoiceText(), 0, QR_ECLEVEL_M);
    QImage page(1200, 900, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.setPen(Qt::black);
    QFont font = painter.font();
    font.setPixelSize(22);
    painter.setFont(font);
    painter.drawText(40, 60, QStringLiteral("Invoice #0042 — Sluice hub, channel 0x3c44…93bc"));
    for (int line = 0; line < 12; ++line) {
        painter.drawText(40, 120 + 30 * line,
                         QStringLiteral("Item %1 ooo OOO 0@0 ▪ ■ □ amount 0.0%2 ETH").arg(line).arg(line));
        painter.drawText(860, 120 + 30 * line, QStringLiteral("■ O ● %1").arg(line * 7));
    }
    painter.drawLine(20, 80, 1180, 80);
    painter.drawRect(420, 330, 420, 420);
    painter.fillRect(20, 820, 300, 40, Qt::black);
    painter.drawImage(437, 347, render(*code, 5, 0));
    painter.end();
    QCOMPARE(decoded(page), invoiceText());
}

// One module of quiet zone, then dark all round.
void TestQrDecoder::narrowQuietZone() {
    const Code code = encode(kCafe, 4, QR_ECLEVEL_Q);
    const QImage qr = render(*code, 6, 1);
    QImage framed(qr.width() + 60, qr.height() + 60, QImage::Format_RGB32);
    framed.fill(Qt::black);
    QPainter(&framed).drawImage(30, 30, qr);
    QCOMPARE(decoded(framed), kCafe);
}

void TestQrDecoder::lightOnDark() {
    const Code code = encode(invoiceText());
    QImage image = render(*code, 3.3);
    image.invertPixels();
    QCOMPARE(decoded(image), invoiceText());
}

// A shadow across the code (white falls to 60 % on one side: the decoder's one global threshold
// reads that, not a darker shadow), and a code drawn on a transparent background (its transparent
// pixels are black in RGB).
void TestQrDecoder::shadedAndTransparent() {
    const Code code = encode(invoiceText());
    QImage shaded = render(*code, 4);
    for (int y = 0; y < shaded.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(shaded.scanLine(y));
        for (int x = 0; x < shaded.width(); ++x) {
            const int level = qGray(line[x]) * (100 - 40 * x / shaded.width()) / 100;
            line[x] = qRgb(level, level, level);
        }
    }
    QCOMPARE(decoded(shaded), invoiceText());

    QImage transparent = render(*code, 4).convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < transparent.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(transparent.scanLine(y));
        for (int x = 0; x < transparent.width(); ++x) line[x] = qGray(line[x]) < 128 ? qRgba(0, 0, 0, 255) : 0;
    }
    QCOMPARE(decoded(transparent), invoiceText());
}

void TestQrDecoder::damageWithinCorrection_data() {
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("flips");
    // At most the correctable errors of one block (a flipped module spoils one codeword at most).
    QTest::newRow("1-L") << 1 << int(QR_ECLEVEL_L) << 2;  // 7 EC codewords, 3 of them detect only
    QTest::newRow("1-H") << 1 << int(QR_ECLEVEL_H) << 8;
    QTest::newRow("5-Q") << 5 << int(QR_ECLEVEL_Q) << 9;
    QTest::newRow("10-M") << 10 << int(QR_ECLEVEL_M) << 13;
    QTest::newRow("20-H") << 20 << int(QR_ECLEVEL_H) << 14;
    QTest::newRow("33-L") << 33 << int(QR_ECLEVEL_L) << 15;
}

void TestQrDecoder::damageWithinCorrection() {
    QFETCH(int, version);
    QFETCH(int, level);
    QFETCH(int, flips);
    for (quint32 seed = 1; seed <= 10; ++seed) {
        const Code code = encode(kCafe, version, QRecLevel(level));
        flipDataModules(*code, flips, seed);
        QCOMPARE(decoded(render(*code, 3)), kCafe);
    }
}

// One copy of the format information wrong in every bit, the other with 3 wrong bits; one copy of
// the version information gone.
void TestQrDecoder::damagedFormatAndVersion() {
    const Code code = encode(invoiceText(), 12, QR_ECLEVEL_Q);
    const int w = code->width;
    for (int column = 0; column <= 8; ++column)
        if (column != 6) code->data[8 * w + column] ^= 1;
    for (int row = 0; row <= 7; ++row)
        if (row != 6) code->data[row * w + 8] ^= 1;
    code->data[8 * w + w - 1] ^= 1;
    code->data[8 * w + w - 3] ^= 1;
    code->data[(w - 2) * w + 8] ^= 1;
    for (int row = 0; row < 6; ++row)
        for (int column = w - 11; column < w - 8; ++column) code->data[row * w + column] ^= 1;
    QCOMPARE(decoded(render(*code, 4)), invoiceText());
}

// Far more errors than the code corrects: an error, never a wrong text (Reed-Solomon detects).
void TestQrDecoder::damageBeyondCorrection() {
    const struct {
        int version;
        QRecLevel level;
    } cases[] = {{1, QR_ECLEVEL_L}, {2, QR_ECLEVEL_M}, {5, QR_ECLEVEL_M}, {10, QR_ECLEVEL_Q}, {25, QR_ECLEVEL_H}};
    for (const auto& c : cases)
        for (quint32 seed = 1; seed <= 8; ++seed) {
            const Code code = encode(kCafe, c.version, c.level);
            flipDataModules(*code, dataModules(*code) * 2 / 5, seed);
            QCOMPARE(decoded(render(*code, 3)), QStringLiteral("error: ") + kDamaged);
        }
}

void TestQrDecoder::noCode() {
    QImage white(640, 480, QImage::Format_RGB32);
    white.fill(Qt::white);
    QCOMPARE(decodeQrImage(white).error, kNotFound);
    QImage black(640, 480, QImage::Format_RGB32);
    black.fill(Qt::black);
    QVERIFY(!decodeQrImage(black).ok());
    QImage pixel(1, 1, QImage::Format_RGB32);
    pixel.fill(Qt::black);
    QCOMPARE(decodeQrImage(pixel).error, kNotFound);
    QCOMPARE(decodeQrImage(QImage()).error, kNotFound);
    QRandomGenerator random(7);
    for (int module : {1, 2, 5}) {
        QImage noise(600 / module, 400 / module, QImage::Format_Grayscale8);
        for (int y = 0; y < noise.height(); ++y)
            for (int x = 0; x < noise.width(); ++x) noise.scanLine(y)[x] = random.bounded(2) ? 255 : 0;
        QVERIFY(!decodeQrImage(noise.scaled(600, 400)).ok());
    }
}

// ECI 26 (UTF-8) reads; another ECI, Kanji and structured append say the encoding is not read.
void TestQrDecoder::otherEncodings() {
    const QByteArray utf8 = kCafe.toUtf8();
    auto withEci = [&](unsigned eci, QRencodeMode mode, const QByteArray& data) {
        QRinput* input = QRinput_new2(0, QR_ECLEVEL_M);
        if (eci) QRinput_appendECIheader(input, eci);
        QRinput_append(input, mode, int(data.size()), reinterpret_cast<const unsigned char*>(data.constData()));
        Code code(QRcode_encodeInput(input));
        QRinput_free(input);
        return code;
    };
    const Code eciUtf8 = withEci(26, QR_MODE_8, utf8);
    QVERIFY(eciUtf8);
    QCOMPARE(decoded(render(*eciUtf8, 4)), kCafe);
    const Code eciShiftJis = withEci(20, QR_MODE_8, QByteArray("\x93\x5f"));
    QVERIFY(eciShiftJis);
    QCOMPARE(decodeQrImage(render(*eciShiftJis, 4)).error, kUnsupported);
    const Code kanji = withEci(0, QR_MODE_KANJI, QByteArray("\x93\x5f\x8b\xe6"));
    QVERIFY(kanji);
    QCOMPARE(decodeQrImage(render(*kanji, 4)).error, kUnsupported);
    QRcode_List* parts =
        QRcode_encodeStringStructured(invoiceText().toUtf8().constData(), 3, QR_ECLEVEL_M, QR_MODE_8, 1);
    QVERIFY(parts && parts->next);
    QCOMPARE(decodeQrImage(render(*parts->code, 4)).error, kUnsupported);
    QRcode_List_free(parts);
}

// Crops, odd scales, any angle, salt and pepper, stripes and noise of random sizes: no crash, and
// never a text that is not the code's.
void TestQrDecoder::randomPicturesDoNotCrash() {
    QRandomGenerator random(20251205);
    const Code code = encode(invoiceText());
    const QImage clean = render(*code, 4);
    int read = 0;
    for (int i = 0; i < 200; ++i) {
        QImage image;
        bool hasCode = true;
        switch (i % 5) {
        case 0: {  // a crop, possibly cutting the code
            const int x = random.bounded(clean.width()), y = random.bounded(clean.height());
            image = clean.copy(x / 2, y / 2, 1 + random.bounded(clean.width()), 1 + random.bounded(clean.height()));
            break;
        }
        case 1:  // a scale from tiny to large
            image = smoothScaled(clean, 0.05 + random.bounded(3.0));
            break;
        case 2:  // any angle
            image = clean.transformed(QTransform().rotate(random.bounded(360.0)), Qt::SmoothTransformation);
            break;
        case 3: {  // salt and pepper
            image = clean;
            const int dots = random.bounded(image.width() * image.height() / 4);
            for (int d = 0; d < dots; ++d)
                image.setPixel(random.bounded(image.width()), random.bounded(image.height()),
                               random.bounded(2) ? 0xff000000 : 0xffffffff);
            break;
        }
        default: {  // noise or stripes, of any size down to one pixel
            hasCode = false;
            image = QImage(1 + random.bounded(500), 1 + random.bounded(500), QImage::Format_Grayscale8);
            const bool stripes = random.bounded(2);
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    image.scanLine(y)[x] = stripes ? ((x / (1 + y % 9)) % 2) * 255 : uchar(random.bounded(256));
            break;
        }
        }
        const QrDecodeResult result = decodeQrImage(image);
        if (!result.ok()) continue;
        QVERIFY2(hasCode, qPrintable(QStringLiteral("read \"%1\" from a picture without a code").arg(result.text)));
        QCOMPARE(result.text, invoiceText());
        ++read;
    }
    qInfo("%d of 200 random pictures read", read);
}

QTEST_MAIN(TestQrDecoder)
#include "tst_qrdecoder.moc"
