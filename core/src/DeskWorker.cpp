#include "tamga/core/DeskWorker.h"
#include "tamga/core/Operators.h"

#include "tamga/core/Revocations.h"

#include "TokenLayer.h"
#include "tamga/core/Backup.h"
#include "tamga/core/Batches.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/HandOver.h"
#include "tamga/core/Renewals.h"
#include "tamga/core/Revocations.h"
#include "tamga/core/SealedSecrets.h"
#include "tamga/core/Settings.h"
#include "tamga/core/SystemPackages.h"
#include "tamga/core/TokenService.h"
#include "tamga/pkcs11/Token.h"
#include "tamga/pkcs11/TokenWorker.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace tamga::core {

namespace {

QList<TokenSnapshot> snapshots(const std::vector<pkcs11::TokenInfo>& tokens)
{
    QList<TokenSnapshot> list;
    for (const auto& info : tokens)
        list.append(snapshotOf(info));
    return list;
}

// Finds the token with this serial among the worker's modules (on the worker thread).
std::optional<pkcs11::Token> tokenBySerial(const pkcs11::TokenWorker& worker, const QString& serial)
{
    for (const auto& module : worker.modules()) {
        if (module->findToken(serial.toStdString()))
            return pkcs11::Token(module, serial.toStdString());
    }
    return std::nullopt;
}

} // namespace

DeskWorker::DeskWorker(QString databasePath, std::vector<std::string> modulePaths, QObject* parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_modulePaths(modulePaths)
{
    qRegisterMetaType<TokenSnapshot>();
    qRegisterMetaType<QList<TokenSnapshot>>();
    qRegisterMetaType<EnrollmentState>();
    qRegisterMetaType<std::optional<EnrollmentState>>();
    qRegisterMetaType<CoreErrorKind>();
    qRegisterMetaType<TokenErrorKind>();
    qRegisterMetaType<SealedBundle>();
    qRegisterMetaType<AnswerReport>();
    m_worker = std::make_unique<pkcs11::TokenWorker>(
        std::move(modulePaths),
        [this](const pkcs11::PresenceChange& change) { Q_EMIT tokensChanged(snapshots(change.present)); },
        [this](const pkcs11::TokenError& error) { Q_EMIT moduleFailed(QString::fromStdString(error.describe())); });
}

DeskWorker::~DeskWorker()
{
    m_worker.reset(); // finishes the job in hand and joins the thread while this object is still whole
}

QList<TokenSnapshot> DeskWorker::tokens() const
{
    return snapshots(m_worker->present());
}

void DeskWorker::enroll(EnrollmentJob job)
{
    auto shared = std::make_shared<EnrollmentJob>(std::move(job));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, shared, path, worker] {
        // Qt SQL connections belong to one thread: the worker opens its own.
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT enrollmentFinished(shared->enrollmentId, false, std::nullopt, database.error().message);
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        EnrollmentEngine engine(**database, connectors, tokenModulesOf(worker->modules()));
        qint64 id = shared->enrollmentId;
        if (id == 0) {
            auto created = engine.create(shared->by, shared->officerId, shared->tokenSerial, shared->profile,
                                         shared->ca, shared->preparation.has_value());
            if (!created) {
                Q_EMIT enrollmentFailed(0, created.error().kind, created.error().tokenErrorKind);
                Q_EMIT enrollmentFinished(0, false, std::nullopt, created.error().message);
                return;
            }
            id = *created;
            Q_EMIT enrollmentCreated(id);
        }
        // A token initialized here with the SO PIN the clerk typed: that SO PIN is sealed for the token too, to the
        // desk's sealing key where it has one, so that the PIN service can unblock it later without anyone typing
        // it (a sealing failure is not the enrollment's: the token then says the desk keeps no SO PIN for it).
        std::optional<DeskKey> sealOnly;
        if (shared->preparation && !shared->preparation->sealWith) {
            auto sealing = SealedSecrets(**database).sealingKey();
            if (sealing && *sealing) {
                sealOnly = std::move(**sealing);
                shared->preparation->sealWith = &*sealOnly;
            }
        }
        auto result = engine.run(shared->by, id, shared->pin, shared->preparation ? &*shared->preparation : nullptr,
                                 [this, id](EnrollmentState state, const QString& message) {
                                     Q_EMIT enrollmentProgress(id, state, message);
                                 });
        shared->pin.clear();
        if (!result) {
            Q_EMIT enrollmentFailed(id, result.error().kind, result.error().tokenErrorKind);
            auto now = EnrollmentRecords(**database).record(id);
            Q_EMIT enrollmentFinished(id, false, now ? std::optional(now->state) : std::nullopt,
                                      result.error().message);
            return;
        }
        Q_EMIT enrollmentFinished(id, true, result->state, QString());
    });
}

void DeskWorker::runTokenAction(std::function<CoreResult<QString>(const TokenService&)> action)
{
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, path, action = std::move(action)] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT tokenOperationFinished(false, database.error().message);
            return;
        }
        auto done = action(TokenService(**database, tokenModulesOf(worker->modules())));
        Q_EMIT tokenOperationFinished(done.has_value(), done ? *done : done.error().message);
    });
}

void DeskWorker::initializeToken(Operator by, QString serial, QString label, Pin soPin, Pin userPin)
{
    auto so = std::make_shared<Pin>(std::move(soPin));
    auto user = std::make_shared<Pin>(std::move(userPin));
    runTokenAction([by, serial, label, so, user](const TokenService& tokens) -> CoreResult<QString> {
        auto done = tokens.initialize(by, serial, label, *so, *user);
        if (!done)
            return std::unexpected(done.error());
        return QString::fromStdString(done->serial);
    });
}

void DeskWorker::changePin(Operator by, QString serial, Pin oldPin, Pin newPin)
{
    auto oldShared = std::make_shared<Pin>(std::move(oldPin));
    auto newShared = std::make_shared<Pin>(std::move(newPin));
    runTokenAction([by, serial, oldShared, newShared](const TokenService& tokens) -> CoreResult<QString> {
        if (auto done = tokens.changePin(by, serial, *oldShared, *newShared); !done)
            return std::unexpected(done.error());
        return QString();
    });
}

void DeskWorker::unblockPin(Operator by, QString serial, Pin soPin, Pin newPin)
{
    auto so = std::make_shared<Pin>(std::move(soPin));
    auto user = std::make_shared<Pin>(std::move(newPin));
    runTokenAction([by, serial, so, user](const TokenService& tokens) -> CoreResult<QString> {
        if (auto done = tokens.unblockPin(by, serial, *so, *user); !done)
            return std::unexpected(done.error());
        return QString();
    });
}

void DeskWorker::unblockWithSealedSoPin(Operator by, Password password, QString serial, Pin newPin, PinTrouble trouble)
{
    auto secret = std::make_shared<Password>(std::move(password));
    auto user = std::make_shared<Pin>(std::move(newPin));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, path, by, secret, user, serial, trouble] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT tokenOperationFinished(false, database.error().message);
            return;
        }
        auto key = SealedSecrets(**database).unlock(by.name, *secret);
        secret->clear();
        if (!key) {
            Q_EMIT tokenOperationFinished(false, key.error().message);
            return;
        }
        auto done = TokenService(**database, tokenModulesOf(worker->modules()))
                        .unblockWithSealedSoPin(by, *key, serial, *user, trouble);
        user->clear();
        Q_EMIT tokenOperationFinished(
            done.has_value(), done ? tr("The PIN of token %1 is set anew: the officer's new PIN opens it.").arg(serial)
                                   : done.error().message);
    });
}

void DeskWorker::wipeForReissue(Operator by, Password password, QString serial, QString reason)
{
    auto secret = std::make_shared<Password>(std::move(password));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, path, by, secret, serial, reason] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT tokenOperationFinished(false, database.error().message);
            return;
        }
        auto key = SealedSecrets(**database).unlock(by.name, *secret);
        secret->clear();
        if (!key) {
            Q_EMIT tokenOperationFinished(false, key.error().message);
            return;
        }
        auto wiped =
            TokenService(**database, tokenModulesOf(worker->modules())).wipeForReissue(by, *key, serial, reason);
        Q_EMIT tokenOperationFinished(wiped.has_value(),
                                      wiped ? QStringLiteral("%1 wiped: ready for the next officer").arg(serial)
                                            : wiped.error().message);
    });
}

void DeskWorker::inspectToken(QString serial)
{
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, serial] {
        QStringList labels;
        if (auto token = tokenBySerial(*worker, serial)) {
            static const QRegularExpression madeByTamga(QStringLiteral(" #[0-9]+$"));
            if (auto objects = token->objects(nullptr)) {
                for (const auto& object : *objects) {
                    const QString label = QString::fromStdString(object.label);
                    if (object.objectClass == pkcs11::ObjectClass::PublicKey && madeByTamga.match(label).hasMatch())
                        labels << label;
                }
            }
        }
        Q_EMIT tokenInspected(serial, labels);
    });
}

void DeskWorker::listRegisteredModules()
{
    m_worker->post([this] {
        QStringList names;
        QStringList paths;
        for (const auto& module : pkcs11::registeredModules()) {
            names << QString::fromStdString(module.name);
            paths << QString::fromStdString(module.path);
        }
        const QHash<QString, QString> owners = debianPackagesOwning(paths);
        QStringList packages;
        for (const QString& path : paths)
            packages << owners.value(path);
        Q_EMIT registeredModulesListed(names, paths, packages);
    });
}

void DeskWorker::testCa(QString name)
{
    const QString path = m_databasePath;
    m_worker->post([this, name, path] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT caTested(name, false, database.error().message);
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        auto config = connectors.find(name);
        auto connector = config ? connectors.open(*config) : std::unexpected(config.error());
        if (!connector) {
            Q_EMIT caTested(name, false, connector.error().message);
            return;
        }
        auto certificates = (*connector)->caCertificates();
        if (!certificates) {
            Q_EMIT caTested(name, false, certificates.error().message);
            return;
        }
        Q_EMIT caTested(
            name, true,
            tr("The CA answers; it sent %n CA certificate(s).", nullptr, static_cast<int>(certificates->size())));
    });
}

void DeskWorker::backUp(Operator by, QString folder)
{
    const QString path = m_databasePath;
    m_worker->post([this, by, folder, path] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT backupFinished(false, database.error().message);
            return;
        }
        auto made = Backups(**database).make(by, folder);
        if (!made) {
            Q_EMIT backupFinished(false, made.error().message);
            return;
        }
        Q_EMIT backupFinished(
            true, tr("Backed up into %1: %n audit event(s) verified, head %2.", nullptr, static_cast<int>(made->events))
                      .arg(made->folder, made->headHash.left(16)));
    });
}

void DeskWorker::checkRegistry(QString location)
{
    m_worker->post([this, location] {
        if (!Database::isShared(location)) {
            Q_EMIT registryChecked(location, false, false, tr("a shared registry's address starts with postgresql://"));
            return;
        }
        auto database = Database::openAtVersion(location, 0); // connects; writes nothing
        if (!database) {
            Q_EMIT registryChecked(location, false, false, database.error().message);
            return;
        }
        if ((*database)->schemaVersion() == 0) {
            const bool empty = (*database)->connection().tables().isEmpty();
            Q_EMIT registryChecked(location, empty, false,
                                   empty ? QString() : tr("the database holds tables that are not a Tamga registry's"));
            return;
        }
        auto opened = Database::openExisting(location);
        if (!opened) {
            Q_EMIT registryChecked(location, false, false, opened.error().message);
            return;
        }
        auto any = Operators(**opened).anyExist();
        Q_EMIT registryChecked(location, any.has_value(), any.value_or(false), any ? QString() : any.error().message);
    });
}

void DeskWorker::restoreBackup(QString folder)
{
    const QString path = m_databasePath;
    m_worker->post([this, folder, path] {
        auto restored = Backups::restore(folder, path);
        if (!restored) {
            Q_EMIT restoreFinished(false, restored.error().message);
            return;
        }
        Q_EMIT restoreFinished(true, tr("Restored from %1: %n audit event(s) verified, head %2.", nullptr,
                                        static_cast<int>(restored->events))
                                         .arg(restored->folder, restored->headHash.left(16)));
    });
}

void DeskWorker::startRenewal(Operator by, qint64 oldEnrollmentId, bool revokeOld)
{
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, path, by, oldEnrollmentId, revokeOld] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT renewalStarted(oldEnrollmentId, 0, database.error().message);
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        EnrollmentEngine engine(**database, connectors, tokenModulesOf(worker->modules()));
        const Renewals renewals(**database);
        auto started = renewals.start(by, oldEnrollmentId, QString(), revokeOld, engine);
        auto renewal = started ? renewals.find(*started) : std::unexpected(started.error());
        if (!renewal) {
            Q_EMIT renewalStarted(oldEnrollmentId, 0, renewal.error().message);
            return;
        }
        Q_EMIT renewalStarted(oldEnrollmentId, renewal->newEnrollmentId, QString());
    });
}

void DeskWorker::submitRevocation(Operator by, qint64 applicationId, std::optional<Pin> deskTokenPin)
{
    auto pin = std::make_shared<std::optional<Pin>>(std::move(deskTokenPin));
    runRevocationCall(applicationId,
                      [by, pin](const Revocations& revocations, const Database& database,
                                const CaConnectors& connectors, const TokenModules& modules,
                                qint64 id) -> CoreResult<RevocationApplication> {
                          // An offline CA's request signed by the desk's own token: the enrollment the desk setting
                          // names, with the PIN the operator typed.
                          std::optional<RequestSigner> signer;
                          if (*pin) {
                              auto configured = Settings(database).manifestSigner();
                              if (!configured)
                                  return std::unexpected(configured.error());
                              if (*configured)
                                  signer = RequestSigner{**configured, &**pin, &modules};
                          }
                          auto done = revocations.submit(by, id, connectors, signer ? &*signer : nullptr);
                          pin->reset();
                          return done;
                      });
}

void DeskWorker::confirmRevocation(Operator by, qint64 applicationId, QString crlFile)
{
    runRevocationCall(applicationId, [by, crlFile](const Revocations& revocations, const Database&,
                                                   const CaConnectors& connectors, const TokenModules&, qint64 id) {
        return revocations.confirm(by, id, connectors, crlFile);
    });
}

void DeskWorker::runRevocationCall(qint64 applicationId, RevocationCall call)
{
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, worker, applicationId, call, path] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT revocationFinished(applicationId, false, database.error().message);
            return;
        }
        const CaConnectors connectors(**database, Database::localFolderOf(path));
        auto done =
            call(Revocations(**database), **database, connectors, tokenModulesOf(worker->modules()), applicationId);
        if (!done) {
            Q_EMIT revocationFinished(applicationId, false, done.error().message);
            return;
        }
        if (done->state == RevocationState::Confirmed)
            Q_EMIT revocationFinished(
                applicationId, true, tr("Application #%1 is confirmed: %2").arg(applicationId).arg(done->confirmation));
        else
            Q_EMIT revocationFinished(
                applicationId, true,
                tr("Application #%1 was sent to %2. Confirm it once the CA has published the revocation.")
                    .arg(applicationId)
                    .arg(done->caName));
    });
}

void DeskWorker::handOverWithSignature(Operator by, qint64 enrollmentId, Pin officerPin)
{
    auto pin = std::make_shared<Pin>(std::move(officerPin));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, by, enrollmentId, pin, path, worker] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT handOverFinished(enrollmentId, false, database.error().message, TokenErrorKind::None);
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        auto done = HandOver(**database, connectors, tokenModulesOf(worker->modules()))
                        .withFirstSignature(by, enrollmentId, *pin);
        pin->clear();
        Q_EMIT handOverFinished(enrollmentId, done.has_value(), done ? QString() : done.error().message,
                                done ? TokenErrorKind::None : done.error().tokenErrorKind);
    });
}

void DeskWorker::runBatchRound(BatchJob job)
{
    auto shared = std::make_shared<BatchJob>(std::move(job));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    const WorkerLaunch launch{m_workerProgram, m_databasePath, m_modulePaths};
    m_worker->post([this, shared, path, worker, launch] {
        const qint64 batchId = shared->batchId;
        auto finish = [&](const CoreResult<BatchRunner::Outcome>& outcome) {
            shared->userPin.reset();
            shared->soPin.reset();
            shared->password.reset();
            if (!outcome) {
                Q_EMIT batchRoundFinished(batchId, 0, 0, 0, {}, outcome.error().message);
                return;
            }
            Q_EMIT batchRoundFinished(batchId, outcome->done, outcome->failed, outcome->waiting, outcome->lines,
                                      outcome->unfinished);
        };
        auto database = Database::open(path);
        if (!database) {
            finish(std::unexpected(database.error()));
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        BatchRunner runner(**database, connectors, tokenModulesOf(worker->modules()));
        const Pin* userPin = shared->userPin ? &*shared->userPin : nullptr;
        const ProgressSink progress = [this, batchId](EnrollmentState state, const QString& message) {
            Q_EMIT batchProgress(batchId, state, message);
        };
        const Pin* soPin = shared->soPin ? &*shared->soPin : nullptr;
        if (shared->writeBackOnly)
            finish(runner.writeBack(shared->by, batchId, userPin, shared->deskKey.get(), progress));
        else if (shared->tokensAtOnce > 1 && shared->password && !launch.program.isEmpty())
            // This thread waits for the workers (the GUI thread does not); tokens plugged meanwhile are seen after.
            finish(runner.runInParallel(launch, shared->by, *shared->password, batchId, shared->tokensAtOnce, userPin,
                                        shared->deskKey.get(), soPin, progress));
        else
            finish(runner.runOnce(shared->by, batchId, userPin, shared->deskKey.get(), soPin, progress));
    });
}

void DeskWorker::exportBundle(Operator by, qint64 batchId, QString folder, std::optional<Pin> signerPin)
{
    auto pin = std::make_shared<std::optional<Pin>>(std::move(signerPin));
    const QString path = m_databasePath;
    pkcs11::TokenWorker* worker = m_worker.get();
    m_worker->post([this, by, batchId, folder, pin, path, worker] {
        auto finish = [&](const CoreResult<SealedBundle>& bundle) {
            pin->reset();
            Q_EMIT bundleExported(batchId, bundle ? *bundle : SealedBundle{},
                                  bundle ? QString() : bundle.error().message);
        };
        auto database = Database::open(path);
        if (!database) {
            finish(std::unexpected(database.error()));
            return;
        }
        auto configured = Settings(**database).manifestSigner();
        if (!configured) {
            finish(std::unexpected(configured.error()));
            return;
        }
        std::optional<ManifestSigner> signer;
        if (*configured) {
            const qint64 signerEnrollment = **configured;
            if (!pin->has_value()) {
                finish(coreError(CoreErrorKind::InvalidInput,
                                 QStringLiteral("bundles are signed by the desk's token (enrollment #%1): its PIN is "
                                                "needed")
                                     .arg(signerEnrollment)));
                return;
            }
            signer = ManifestSigner{signerEnrollment, &**pin};
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        finish(BatchExchange(**database, connectors, tokenModulesOf(worker->modules()))
                   .exportSealed(by, batchId, folder, signer ? &*signer : nullptr));
    });
}

void DeskWorker::importAnswer(Operator by, qint64 batchId, QString folderOrFile)
{
    const QString path = m_databasePath;
    m_worker->post([this, by, batchId, folderOrFile, path] {
        auto database = Database::open(path);
        if (!database) {
            Q_EMIT answerImported(batchId, {}, database.error().message);
            return;
        }
        CaConnectors connectors(**database, Database::localFolderOf(path));
        auto report = BatchExchange(**database, connectors).importAnswer(by, batchId, folderOrFile);
        Q_EMIT answerImported(batchId, report ? *report : AnswerReport{}, report ? QString() : report.error().message);
    });
}

} // namespace tamga::core
