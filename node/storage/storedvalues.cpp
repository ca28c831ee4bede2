// SPDX-License-Identifier: MIT
#include "node/storage/storedvalues.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <cstring>

namespace sluice::node {

namespace {

// SQLite's storage classes as the QSQLITE driver hands them over: INTEGER as qlonglong, REAL as
// double, TEXT as QString, BLOB as QByteArray, NULL as a null QVariant. The QPSQL driver hands
// BIGINT over as qulonglong when it is not negative, BYTEA as QByteArray.
bool isBlob(const QVariant& v) { return !v.isNull() && v.typeId() == QMetaType::QByteArray; }

std::string found(const QVariant& v) {
    if (v.isNull()) return "NULL";
    switch (v.typeId()) {
    case QMetaType::QByteArray: return "a " + std::to_string(v.toByteArray().size()) + "-byte BLOB";
    case QMetaType::QString: return "the text " + stored::quote(v);
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return "the integer " + stored::quote(v);
    case QMetaType::Double: return "the real number " + stored::quote(v);
    default: return "a value of type " + std::string(v.typeName() ? v.typeName() : "?");
    }
}

template <std::size_t N>
std::optional<FixedBytes<N>> fixedBlob(const QVariant& v) {
    if (!isBlob(v)) return std::nullopt;
    const QByteArray b = v.toByteArray();
    if (b.size() != qsizetype(N)) return std::nullopt;
    FixedBytes<N> out;
    std::memcpy(out.bytes.data(), b.constData(), N);
    return out;
}

std::optional<std::uint64_t> integerIn(const QVariant& v, std::uint64_t max) {
    if (v.isNull()) return std::nullopt;
    if (v.typeId() == QMetaType::ULongLong)
        return v.toULongLong() <= max ? std::optional<std::uint64_t>(v.toULongLong()) : std::nullopt;
    if (v.typeId() != QMetaType::LongLong) return std::nullopt;
    const qlonglong n = v.toLongLong();
    if (n < 0 || std::uint64_t(n) > max) return std::nullopt;
    return std::uint64_t(n);
}

std::string integerExpected(std::uint64_t max) {
    return max == 1 ? std::string("0 or 1") : "an integer from 0 to " + std::to_string(max);
}

constexpr const char* kHash = "a 32-byte hash";
constexpr const char* kAddress = "a 20-byte address";

}  // namespace

namespace stored {

std::string damaged(const std::string& where, const std::string& problem) {
    return "the node database is damaged: " + where + " " + problem;
}

std::string quote(const QVariant& v) {
    if (v.isNull()) return "NULL";
    switch (v.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        const bool cut = b.size() > 32;
        return "x'" + b.left(32).toHex().toStdString() + (cut ? "…'" : "'");
    }
    case QMetaType::QString: {
        QString s = v.toString();
        const bool cut = s.size() > 40;
        s.truncate(40);
        return "'" + s.toStdString() + (cut ? "…'" : "'");
    }
    case QMetaType::LongLong: return std::to_string(v.toLongLong());
    case QMetaType::ULongLong: return std::to_string(v.toULongLong());
    default: return v.toString().toStdString();
    }
}

Result<Address> address(const QVariant& value, const std::string& where) {
    if (auto a = fixedBlob<20>(value)) return *a;
    return make_error(damaged(where, "holds " + found(value) + ", not " + kAddress));
}

Result<Hash> hash(const QVariant& value, const std::string& where) {
    if (auto h = fixedBlob<32>(value)) return *h;
    return make_error(damaged(where, "holds " + found(value) + ", not " + kHash));
}

Result<std::uint64_t> integer(const QVariant& value, const std::string& where, std::uint64_t max) {
    if (auto n = integerIn(value, max)) return *n;
    return make_error(damaged(where, "holds " + found(value) + ", not " + integerExpected(max)));
}

Result<std::uint64_t> number(const QByteArray& text, const std::string& where) {
    bool digits = !text.isEmpty() && text.size() <= 19;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    const std::uint64_t n = digits ? text.toULongLong() : 0;
    if (!digits || n > kMaxStoredInteger)
        return make_error(damaged(where, "holds " + stored::quote(QVariant(QString::fromLatin1(text))) +
                                             ", not a number from 0 to " + std::to_string(kMaxStoredInteger)));
    return n;
}

}  // namespace stored

StoredRow::StoredRow(const QSqlQuery& query, const char* table, int keyColumn, int secondKeyColumn)
    : m_query(query), m_table(table), m_key{keyColumn, secondKeyColumn} {}

QVariant StoredRow::value(int column) const { return m_query.value(column); }

std::string StoredRow::where(int column) const {
    const QSqlRecord record = m_query.record();
    auto name = [&](int c) { return record.fieldName(c).toStdString(); };
    std::string row;
    for (int k : m_key) {
        if (k < 0) continue;
        if (!row.empty()) row += ", ";
        row += name(k) + "=" + stored::quote(value(k));
    }
    return std::string(m_table) + "." + name(column) + (row.empty() ? std::string() : " (row " + row + ")");
}

void StoredRow::fail(int column, const QVariant& v, const char* expected) {
    reject(column, "holds " + found(v) + ", not " + expected);
}

void StoredRow::reject(int column, const std::string& problem) {
    if (!m_error) m_error = make_error(stored::damaged(where(column), problem));
}

Hash StoredRow::hash(int column) {
    const QVariant v = value(column);
    if (auto h = fixedBlob<32>(v)) return *h;
    fail(column, v, kHash);
    return {};
}

std::optional<Hash> StoredRow::optionalHash(int column) {
    if (value(column).isNull()) return std::nullopt;
    return hash(column);
}

Address StoredRow::address(int column) {
    const QVariant v = value(column);
    if (auto a = fixedBlob<20>(v)) return *a;
    fail(column, v, kAddress);
    return {};
}

U256 StoredRow::amount(int column) {
    const QVariant v = value(column);
    if (auto be = fixedBlob<32>(v)) return *u256_from_be(ByteView(be->bytes));
    fail(column, v, "a 32-byte amount");
    return 0;
}

std::vector<Hash> StoredRow::hashes(int column) {
    const QVariant v = value(column);
    const QByteArray b = isBlob(v) ? v.toByteArray() : QByteArray();
    if (!isBlob(v) || b.size() % 32 != 0) {
        fail(column, v, "a list of 32-byte hashes");
        return {};
    }
    std::vector<Hash> out(std::size_t(b.size() / 32));
    for (std::size_t i = 0; i < out.size(); ++i) std::memcpy(out[i].bytes.data(), b.constData() + i * 32, 32);
    return out;
}

Bytes StoredRow::bytes(int column) {
    const QVariant v = value(column);
    if (!isBlob(v)) {
        fail(column, v, "a BLOB");
        return {};
    }
    const QByteArray b = v.toByteArray();
    return Bytes(b.begin(), b.end());
}

std::optional<QByteArray> StoredRow::optionalBlob(int column) {
    const QVariant v = value(column);
    if (v.isNull()) return std::nullopt;
    if (!isBlob(v)) {
        fail(column, v, "a BLOB");
        return QByteArray();
    }
    return v.toByteArray();
}

QString StoredRow::text(int column) {
    const QVariant v = value(column);
    if (v.isNull() || v.typeId() != QMetaType::QString) {
        fail(column, v, "text");
        return {};
    }
    return v.toString();
}

std::uint64_t StoredRow::integer(int column, std::uint64_t max) {
    const QVariant v = value(column);
    if (auto n = integerIn(v, max)) return *n;
    if (!m_error) reject(column, "holds " + found(v) + ", not " + integerExpected(max));
    return 0;
}

std::optional<std::uint64_t> StoredRow::optionalInteger(int column, std::uint64_t max) {
    if (value(column).isNull()) return std::nullopt;
    return integer(column, max);
}

bool StoredRow::flag(int column) { return integer(column, 1) != 0; }

}  // namespace sluice::node
