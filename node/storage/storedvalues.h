// SPDX-License-Identifier: MIT
#pragma once
// Reading typed values back from the node's database (issue 10, item 14). One rule for every
// reader in the node: a stored value that is not exactly what the node writes there is an error
// naming the table, the row and the column, never a zero hash, zero address or zero amount in its
// place. What the node writes, and so all it accepts back:
//   hash     a 32-byte BLOB                      address   a 20-byte BLOB
//   amount   a 32-byte big-endian BLOB (U256)    hashes    a BLOB of whole 32-byte hashes (maybe none)
//   bytes    a BLOB                              text      TEXT
//   integer  an SQLite INTEGER from 0 to a bound (enumerations: their last value; flags: 1)
//   number   decimal digits in a meta value     NULL      only in the columns that are optional
// The callers decide what the error means: the sequencer refuses to start or halts, an RPC method
// answers an internal error carrying the message.

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

class QSqlQuery;

namespace sluice::node {

// The largest integer SQLite stores (signed 64-bit): every unbounded counter the node keeps.
inline constexpr std::uint64_t kMaxStoredInteger = std::uint64_t(std::numeric_limits<std::int64_t>::max());

namespace stored {

// "the node database is damaged: <where> <problem>", the start of every such message.
std::string damaged(const std::string& where, const std::string& problem);
// How a stored value reads in a message: 5, x'00ab', 'text', NULL, the real number 1.5.
std::string quote(const QVariant& value);

// Single values outside a row (meta values): `where` names them, e.g. "meta genesis.feeRecipient".
Result<Address> address(const QVariant& value, const std::string& where);
Result<Hash> hash(const QVariant& value, const std::string& where);
Result<std::uint64_t> integer(const QVariant& value, const std::string& where, std::uint64_t max = kMaxStoredInteger);
// Decimal digits only (what QByteArray::number writes), at most kMaxStoredInteger.
Result<std::uint64_t> number(const QByteArray& text, const std::string& where);

}  // namespace stored

// The typed columns of the current row of `query`. The first value of the wrong type, length or
// range is remembered with its table, row and column, and every read after it returns a default
// that result() then discards:
//
//     StoredRow row(*q, "l2_blocks");           // the row is named by column 0 ("number=5")
//     b.hash = row.hash(1);
//     b.timestamp = row.integer(3);
//     return row.result(std::move(b));          // the block, or "... l2_blocks.hash (row number=5) ..."
class StoredRow {
public:
    // The key column(s) name the row in messages, quoted as stored, damaged or not (-1: none).
    StoredRow(const QSqlQuery& query, const char* table, int keyColumn = 0, int secondKeyColumn = -1);

    Hash hash(int column);
    std::optional<Hash> optionalHash(int column);  // NULL or a hash
    Address address(int column);
    U256 amount(int column);
    std::vector<Hash> hashes(int column);
    Bytes bytes(int column);
    std::optional<QByteArray> optionalBlob(int column);  // NULL or a BLOB
    QString text(int column);
    std::uint64_t integer(int column, std::uint64_t max = kMaxStoredInteger);
    std::optional<std::uint64_t> optionalInteger(int column, std::uint64_t max = kMaxStoredInteger);
    bool flag(int column);

    // A value the caller found wrong beyond its form (a forced transaction that does not decode,
    // raw bytes that do not hash to the row's hash): "<problem>" completes "table.column (row k=v) ".
    void reject(int column, const std::string& problem);

    bool ok() const { return !m_error; }
    const Error& error() const { return *m_error; }
    template <typename T>
    Result<T> result(T value) const {
        if (m_error) return *m_error;
        return Result<T>(std::move(value));
    }

private:
    QVariant value(int column) const;
    std::string where(int column) const;
    void fail(int column, const QVariant& found, const char* expected);

    const QSqlQuery& m_query;
    const char* m_table;
    int m_key[2];
    std::optional<Error> m_error;
};

}  // namespace sluice::node
