// SPDX-License-Identifier: MIT
#include "services/localstack/local_stack.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

#include "core/common/uint256.hpp"
#include "core/eth/address.hpp"
#include "services/process/child_process.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"

namespace sluice {

// ---------------------------------------------------------------------------------------------
// LogModel

LogModel::LogModel(int capacity, QObject* parent)
    : QAbstractListModel(parent), m_capacity(capacity > 0 ? capacity : 1) {}

int LogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_lines.size()); }

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Line& line = m_lines.at(index.row());
    switch (role) {
    case KeyRole: return QString::number(line.serial);
    case Qt::DisplayRole:
    case TextRole: return line.text;
    case ErrorRole: return line.error;
    default: return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const {
    return {{KeyRole, "key"}, {TextRole, "text"}, {ErrorRole, "error"}};
}

void LogModel::append(const QString& line, bool error) {
    // Drop from the front first so a full log costs one remove and one insert, never a reset.
    if (m_lines.size() >= m_capacity) {
        const int drop = int(m_lines.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size()));
    m_lines.append(Line{++m_serial, line, error});
    endInsertRows();
    emit countChanged();
}

void LogModel::clear() {
    if (m_lines.isEmpty()) return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
    emit countChanged();
}

QString LogModel::text() const {
    QStringList out;
    out.reserve(m_lines.size());
    for (const Line& line : m_lines) out.append(line.text);
    return out.join(QLatin1Char('\n'));
}

// ---------------------------------------------------------------------------------------------
// LocalStack

LocalStack::LocalStack(const QString& dataDir, QObject* parent)
    : QObject(parent), m_dataDir(dataDir), m_log(new LogModel(500, this)) {
    m_probeTimer.setInterval(250);
    connect(&m_probeTimer, &QTimer::timeout, this, &LocalStack::probe);
}

// Longer than the node's own stop (up to 5 s for anvil to write its state, then its database): a
// node killed half-way leaves its anvil running.
LocalStack::~LocalStack() { stopAndWait(15000); }

QString LocalStack::findSluiced() {
    const QString overridePath = qEnvironmentVariable("SLUICE_SLUICED");
    if (!overridePath.isEmpty()) return overridePath;
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString& candidate :
         {QDir(appDir).filePath(QStringLiteral("sluiced")), QDir(appDir).filePath(QStringLiteral("../node/sluiced")),
          QDir(appDir).filePath(QStringLiteral("../../node/sluiced"))}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable()) return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("sluiced"));
}

QString LocalStack::program() const { return m_program.isEmpty() ? findSluiced() : m_program; }

QString LocalStack::manifestPath() const { return QDir(m_dataDir).filePath(QStringLiteral("devnet.json")); }

void LocalStack::setState(State state, const QString& problem) {
    if (state == m_state && problem == m_problem) return;
    m_state = state;
    m_problem = problem;
    emit stateChanged();
}

void LocalStack::setProgress(const QString& text) {
    if (text == m_progress) return;
    m_progress = text;
    emit progressChanged();
}

void LocalStack::start() {
    if (m_state == State::Starting || m_state == State::Running) return;
    if (m_state == State::Stopping) {
        m_restartAfterStop = true;
        return;
    }
    const QString exe = program();
    if (exe.isEmpty()) {
        setState(State::Failed, tr("The local node (sluiced) was not found next to the app. Reinstall Sluice, or "
                                   "set SLUICE_SLUICED to its path."));
        return;
    }
    if (!QDir().mkpath(m_dataDir)) {
        setState(State::Failed, tr("Cannot create the local network's folder %1.").arg(m_dataDir));
        return;
    }
    m_network.reset();
    m_partial[0].clear();
    m_partial[1].clear();
    m_lastStderrLine.clear();
    m_process = new QProcess(this);
    m_process->setProgram(exe);
    m_process->setArguments(QStringList{QStringLiteral("--devnet"), QStringLiteral("--data-dir"), m_dataDir} +
                            m_extraArgs);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    endWithParent(*m_process);
    QProcess* process = m_process;
    connect(process, &QProcess::readyReadStandardOutput, this, [this] { onOutput(QProcess::StandardOutput); });
    connect(process, &QProcess::readyReadStandardError, this, [this] { onOutput(QProcess::StandardError); });
    connect(process, &QProcess::finished, this, &LocalStack::onFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process) return;
        m_probeTimer.stop();
        m_log->append(process->errorString(), true);
        m_process = nullptr;
        process->deleteLater();
        setState(State::Failed, tr("The local node could not be started: %1").arg(process->errorString()));
    });
    m_log->append(tr("Starting %1 --devnet --data-dir %2").arg(exe, m_dataDir));
    setProgress(tr("Starting the local network…"));
    setState(State::Starting);
    m_startClock.start();
    m_probeTimer.start();
    process->start();
}

void LocalStack::onOutput(QProcess::ProcessChannel channel) {
    if (!m_process) return;
    const int i = channel == QProcess::StandardOutput ? 0 : 1;
    m_process->setReadChannel(channel);
    m_partial[i] += m_process->readAll();
    qsizetype nl;
    while ((nl = m_partial[i].indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial[i].left(nl)).trimmed();
        m_partial[i].remove(0, nl + 1);
        if (line.isEmpty()) continue;
        if (i == 1) m_lastStderrLine = line;
        const bool error = line.contains(QLatin1String("error"), Qt::CaseInsensitive) ||
                           line.contains(QLatin1String("fail"), Qt::CaseInsensitive);
        m_log->append(line, error);
        if (m_state == State::Starting) setProgress(line);
    }
}

void LocalStack::onFinished(int code, QProcess::ExitStatus status) {
    QProcess* process = m_process;
    m_process = nullptr;
    m_probeTimer.stop();
    if (process) {
        // Whatever it printed last is the most useful explanation.
        process->setReadChannel(QProcess::StandardError);
        const QString rest = QString::fromUtf8(m_partial[1] + process->readAll()).trimmed();
        if (!rest.isEmpty()) {
            m_log->append(rest, true);
            m_lastStderrLine = rest;
        }
        process->deleteLater();
    }
    const bool expected = m_state == State::Stopping;
    m_log->append(status == QProcess::CrashExit ? tr("The local node crashed.")
                                                : tr("The local node exited with code %1.").arg(code),
                  !expected);
    m_network.reset();
    if (expected) {
        if (m_wipeAfterStop) {
            m_wipeAfterStop = false;
            if (!QDir(m_dataDir).removeRecursively())
                m_log->append(tr("Could not delete %1 completely.").arg(m_dataDir), true);
            else
                m_log->append(tr("Deleted the local network's data in %1.").arg(m_dataDir));
        }
        setState(State::Stopped);
        setProgress({});
        emit stopped();
        if (m_restartAfterStop) {
            m_restartAfterStop = false;
            start();
        }
        return;
    }
    QString last;
    for (int row = m_log->rowCount() - 2; row >= 0 && last.isEmpty(); --row) {
        const QString text = m_log->data(m_log->index(row), LogModel::TextRole).toString();
        if (m_log->data(m_log->index(row), LogModel::ErrorRole).toBool()) last = text;
    }
    // A node that gives up (a non-zero exit, not a crash) says why on its last stderr line, whatever
    // words it uses ("sluiced: anvil ... was not found"): the user reads it here, not in a log.
    if (last.isEmpty() && status == QProcess::NormalExit && code != 0) last = m_lastStderrLine;
    setState(State::Failed, last.isEmpty()
                                ? tr("The local node stopped unexpectedly (exit code %1); see its log.").arg(code)
                                : tr("The local node stopped: %1").arg(last));
}

void LocalStack::probe() {
    if (m_state != State::Starting || !m_process) return;
    if (m_startClock.elapsed() > m_startTimeoutMs) {
        m_log->append(tr("The local network did not answer within %1 s.").arg(m_startTimeoutMs / 1000), true);
        const QString why =
            tr("The local network did not come up within %1 s; see its log.").arg(m_startTimeoutMs / 1000);
        stop();
        m_problem = why;
        return;
    }
    if (m_probeInFlight || !QFileInfo::exists(manifestPath())) return;
    auto config = loadDevnetManifest(manifestPath());
    if (!config) return;  // being written; next tick
    if (!m_probeRpc || m_probeRpc->endpoint() != config.value().l2Rpc) {
        delete m_probeRpc;
        m_probeRpc = new RpcClient(config.value().l2Rpc, this);
        m_probeRpc->setTimeout(std::chrono::seconds(2));
    }
    m_probeInFlight = true;
    const NetworkConfig network = config.value();
    m_probeRpc->call(QStringLiteral("eth_chainId"), {}, this, [this, network](RpcReply reply) {
        m_probeInFlight = false;
        if (!reply.ok() || m_state != State::Starting) return;
        m_probeTimer.stop();
        m_network = network;
        setProgress(tr("The local network is running."));
        m_log->append(tr("L1 %1, L2 %2, rollup %3")
                          .arg(network.l1Rpc.toString(), network.l2Rpc.toString(),
                               QString::fromStdString(to_checksum_address(network.rollup))));
        setState(State::Running);
        emit ready(network);
    });
}

void LocalStack::stop() {
    if (!m_process) {
        if (m_state != State::Stopped) setState(State::Stopped);
        if (m_wipeAfterStop) {
            m_wipeAfterStop = false;
            QDir(m_dataDir).removeRecursively();
        }
        if (m_restartAfterStop) {
            m_restartAfterStop = false;
            start();
        }
        return;
    }
    if (m_state == State::Stopping) return;
    m_probeTimer.stop();
    setProgress(tr("Stopping the local network…"));
    setState(State::Stopping);
    m_process->terminate();
    // A node that ignores SIGTERM is killed; finished() then runs as for a clean stop.
    QPointer<QProcess> process = m_process;
    QTimer::singleShot(10000, this, [process] {
        if (process && process->state() != QProcess::NotRunning) process->kill();
    });
}

void LocalStack::reset() {
    m_wipeAfterStop = true;
    m_restartAfterStop = true;
    m_log->append(tr("Resetting the local network."));
    stop();
}

void LocalStack::stopAndWait(int ms) {
    if (!m_process) return;
    QProcess* process = m_process;
    m_restartAfterStop = false;
    m_state = State::Stopping;
    process->terminate();
    if (!process->waitForFinished(ms)) {
        process->kill();
        process->waitForFinished(2000);
    }
}

// ---------------------------------------------------------------------------------------------
// checkNetwork

namespace {

struct CheckJob {
    NetworkConfig config;
    CheckedNetwork result;
    QObject* holder = nullptr;  // owns the clients; deleted when the check ends
    EthClient* l1 = nullptr;
    EthClient* l2 = nullptr;
    std::function<void(Result<CheckedNetwork>)> done;
    void finish(Result<CheckedNetwork> outcome) {
        auto callback = std::move(done);
        holder->deleteLater();
        if (callback) callback(std::move(outcome));
    }
};

}  // namespace

void checkNetwork(const NetworkConfig& config, QObject* context, std::function<void(Result<CheckedNetwork>)> done) {
    auto job = std::make_shared<CheckJob>();
    job->config = config;
    job->result.config = config;
    job->done = std::move(done);
    job->holder = new QObject(context);
    if (!config.l1Rpc.isValid() || config.l1Rpc.host().isEmpty() || !config.l2Rpc.isValid() ||
        config.l2Rpc.host().isEmpty()) {
        QTimer::singleShot(0, job->holder,
                           [job] { job->finish(make_error("enter both RPC URLs, e.g. http://127.0.0.1:8545")); });
        return;
    }
    auto* l1Rpc = new RpcClient(config.l1Rpc, job->holder);
    auto* l2Rpc = new RpcClient(config.l2Rpc, job->holder);
    l1Rpc->setTimeout(std::chrono::seconds(10));
    l2Rpc->setTimeout(std::chrono::seconds(10));
    job->l1 = new EthClient(l1Rpc, job->holder);
    job->l2 = new EthClient(l2Rpc, job->holder);
    const std::string l1Url = config.l1Rpc.toString().toStdString();
    const std::string l2Url = config.l2Rpc.toString().toStdString();
    const std::string rollup = to_checksum_address(config.rollup);

    job->l1->chainId(job->holder, [job, l1Url, l2Url, rollup](RpcResult<quint64> l1Chain) {
        if (!l1Chain)
            return job->finish(make_error("the L1 RPC " + l1Url +
                                          " does not answer eth_chainId: " + l1Chain.errorMessage().toStdString()));
        job->result.l1ChainId = l1Chain.value();
        job->l2->chainId(job->holder, [job, l1Url, l2Url, rollup](RpcResult<quint64> l2Chain) {
            if (!l2Chain)
                return job->finish(make_error("the L2 RPC " + l2Url +
                                              " does not answer eth_chainId: " + l2Chain.errorMessage().toStdString()));
            job->result.l2ChainId = l2Chain.value();
            if (job->result.l2ChainId == job->result.l1ChainId)
                return job->finish(make_error("the L2 RPC " + l2Url + " reports the same chain id (" +
                                              std::to_string(l2Chain.value()) + ") as the L1: is it the L1 node?"));
            const QJsonArray params{QString::fromStdString(job->config.rollup.hex()), QStringLiteral("latest")};
            job->l1->rpc()->call(
                QStringLiteral("eth_getCode"), params, job->holder, [job, l1Url, rollup](RpcReply code) {
                    if (!code)
                        return job->finish(
                            make_error("eth_getCode failed on " + l1Url + ": " + code.errorMessage().toStdString()));
                    const QString hex = code.value().toString();
                    if (hex.size() <= 2)
                        return job->finish(make_error("there is no contract at " + rollup + " on the L1 (chain " +
                                                      std::to_string(job->result.l1ChainId) +
                                                      "): check the rollup address"));
                    auto* reader = new RollupReader(job->l1, job->config.rollup, job->config.deployBlock, job->holder);
                    reader->readParameters(job->holder, [job, rollup](RpcResult<RollupParameters> params) {
                        if (!params)
                            return job->finish(make_error("the contract at " + rollup +
                                                          " is not a Sluice rollup (its parameters cannot be read: " +
                                                          params.errorMessage().toStdString() + ")"));
                        job->result.params = params.value();
                        if (params.value().l1ChainId != 0 && params.value().l1ChainId != job->result.l1ChainId)
                            return job->finish(make_error(
                                "the rollup was deployed for L1 chain " + std::to_string(params.value().l1ChainId) +
                                " but the L1 RPC is chain " + std::to_string(job->result.l1ChainId)));
                        if (params.value().l2ChainId != U256(job->result.l2ChainId))
                            return job->finish(
                                make_error("the L2 RPC is chain " + std::to_string(job->result.l2ChainId) +
                                           " but the rollup's L2 chain id is " + u256_to_dec(params.value().l2ChainId) +
                                           ": the L2 node belongs to another rollup"));
                        job->finish(job->result);
                    });
                });
        });
    });
}

}  // namespace sluice
