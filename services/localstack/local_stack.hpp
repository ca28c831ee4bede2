// SPDX-License-Identifier: MIT
#pragma once
// LocalStack: supervises the bundled local stack, `sluiced --devnet --data-dir <dir>` (anvil, the
// deployed Rollup contract and the L2 node), as a child process. It is Running once the manifest
// (<dir>/devnet.json, docs/RPC.md §3) exists and the L2 node answers eth_chainId; until then it is
// Starting with a progress text taken from the node's own log lines. The last N log lines are
// kept in a list model for the settings page. stop() asks the node to exit (SIGTERM, it shuts
// anvil down itself) and kills it only if it does not exit in time.
//
// NetworkCheck: the checks a custom network (L1 RPC, L2 RPC, rollup address) must pass before
// the wallet uses it, each failure with a message that says what is wrong.

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

#include "core/common/result.hpp"
#include "services/bridge/network_config.hpp"
#include "services/rollup/rollup_reader.hpp"

namespace sluice {

class RpcClient;

// The node's log, newest last, at most `capacity` lines (older ones drop off the front).
class LogModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading CONSTANT)
public:
    enum Role { KeyRole = Qt::UserRole + 1, TextRole, ErrorRole };
    Q_ENUM(Role)
    explicit LogModel(int capacity = 500, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return false; }

    void append(const QString& line, bool error = false);
    Q_INVOKABLE void clear();
    Q_INVOKABLE QString text() const;  // all lines, for "copy log"
    int capacity() const { return m_capacity; }

signals:
    void countChanged();

private:
    struct Line {
        quint64 serial;
        QString text;
        bool error;
    };
    QList<Line> m_lines;
    int m_capacity;
    quint64 m_serial = 0;
};

class LocalStack : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY stateChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString program READ program NOTIFY stateChanged)
    Q_PROPERTY(sluice::LogModel* log READ log CONSTANT)
    Q_PROPERTY(bool running READ isRunning NOTIFY stateChanged)
public:
    enum class State { Stopped, Starting, Running, Stopping, Failed };
    Q_ENUM(State)

    // dataDir: where the devnet lives (the app passes <app data>/devnet).
    explicit LocalStack(const QString& dataDir, QObject* parent = nullptr);
    ~LocalStack() override;  // stops the node (blocking at most a few seconds: app exit only)

    // SLUICE_SLUICED if set, else `sluiced` next to the running binary, else next to it in ../node
    // (the build tree), else on PATH. Empty when none is found.
    static QString findSluiced();
    void setProgram(const QString& program) { m_program = program; }
    void setExtraArguments(const QStringList& args) { m_extraArgs = args; }
    // How long Starting may last before it is Failed (anvil + deploy take a few seconds).
    void setStartTimeout(int ms) { m_startTimeoutMs = ms; }

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    QString progress() const { return m_progress; }
    QString problem() const { return m_problem; }
    QString dataDir() const { return m_dataDir; }
    QString program() const;
    QString manifestPath() const;
    LogModel* log() const { return m_log; }
    // The manifest's network once Running.
    std::optional<NetworkConfig> network() const { return m_network; }

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    // stop, delete the devnet directory (the QML asks for confirmation first), start.
    Q_INVOKABLE void reset();
    // Synchronous stop for application exit: SIGTERM, wait up to `ms`, then kill.
    void stopAndWait(int ms = 5000);

signals:
    void stateChanged();
    void progressChanged();
    void ready(const sluice::NetworkConfig& network);  // entered Running
    void stopped();

private:
    void setState(State state, const QString& problem = {});
    void setProgress(const QString& text);
    void onOutput(QProcess::ProcessChannel channel);
    void onFinished(int code, QProcess::ExitStatus status);
    void probe();

    QString m_dataDir;
    QString m_program;
    QStringList m_extraArgs;
    QProcess* m_process = nullptr;
    LogModel* m_log;
    QTimer m_probeTimer;
    QElapsedTimer m_startClock;
    int m_startTimeoutMs = 120000;
    State m_state = State::Stopped;
    QString m_progress;
    QString m_problem;
    std::optional<NetworkConfig> m_network;
    RpcClient* m_probeRpc = nullptr;
    bool m_probeInFlight = false;
    bool m_restartAfterStop = false;
    bool m_wipeAfterStop = false;
    QByteArray m_partial[2];
    // The node's last line on stderr: when it exits with an error, its reason (e.g. that anvil was not found).
    QString m_lastStderrLine;
};

// What a network was found to be by checkNetwork().
struct CheckedNetwork {
    NetworkConfig config;
    RollupParameters params;
    quint64 l1ChainId = 0;
    quint64 l2ChainId = 0;
};

// Checks, in order and with a message naming the failing step: the URLs, that L1 answers
// eth_chainId, that L2 answers eth_chainId, that the rollup address has code on L1, that its
// parameters are readable, and that the L1 and L2 chain ids match the contract's. done runs
// once on `context`'s thread.
void checkNetwork(const NetworkConfig& config, QObject* context, std::function<void(Result<CheckedNetwork>)> done);

}  // namespace sluice
