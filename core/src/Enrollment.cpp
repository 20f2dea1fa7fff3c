#include "tamga/core/Enrollment.h"

#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CertificateRequest.h"
#include "tamga/core/Database.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Registry.h"
#include "tamga/core/TokenService.h"
#include "tamga/pkcs11/Module.h"
#include "tamga/pkcs11/Token.h"

#include <QJsonArray>
#include <QSet>

#include <csignal>
#include <unistd.h>

namespace tamga::core {

namespace {

struct StateName {
    EnrollmentState state;
    const char* name;
};
constexpr StateName kStateNames[] = {
    {EnrollmentState::Created, "created"},
    {EnrollmentState::TokenPrepared, "token_prepared"},
    {EnrollmentState::KeyGenerated, "key_generated"},
    {EnrollmentState::RequestBuilt, "request_built"},
    {EnrollmentState::Submitted, "submitted"},
    {EnrollmentState::CertificateReceived, "certificate_received"},
    {EnrollmentState::WrittenToToken, "written_to_token"},
    {EnrollmentState::Verified, "verified"},
    {EnrollmentState::HandedOver, "handed_over"},
    {EnrollmentState::Failed, "failed"},
    {EnrollmentState::Cancelled, "cancelled"},
};

QByteArray toBytes(const std::vector<std::uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

std::vector<std::uint8_t> fromBytes(const QByteArray& bytes)
{
    return {bytes.begin(), bytes.end()};
}

// Fault injection for the crash test (tests/core): TAMGA_FAULT_KILL_AFTER_STATE=<state> kills the process the
// moment that state is committed, as a power cut or a killed process would.
void faultInjection(EnrollmentState reached)
{
    static const QByteArray killAfter = qgetenv("TAMGA_FAULT_KILL_AFTER_STATE");
    if (!killAfter.isEmpty() && killAfter == stateName(reached).toLatin1())
        ::kill(::getpid(), SIGKILL);
}

// One row per enrollment with its latest certificate, if any: lists of hundreds of enrollments take one query.
const QString kRecordSelect = QStringLiteral(
    "SELECT e.id, e.officer_id, o.surname || ' ' || o.given_name, g.name, COALESCE(t.serial, ''), "
    "COALESCE(p.name, ''), COALESCE(c.name, ''), e.state, e.key_id, e.csr_pem, e.ca_reference, e.last_error, "
    "e.created_at, e.updated_at, "
    "x.serial_hex, x.subject, x.issuer, x.not_before, x.not_after, x.fingerprint_sha256, x.certificate_pem, x.chain_pem "
    "FROM enrollments e JOIN officers o ON o.id = e.officer_id JOIN organizations g ON g.id = o.organization_id "
    "LEFT JOIN tokens t ON t.id = e.token_id LEFT JOIN certificate_profiles p ON p.id = e.profile_id "
    "LEFT JOIN ca_connectors c ON c.id = e.ca_id "
    "LEFT JOIN certificates x ON x.id = (SELECT max(id) FROM certificates WHERE enrollment_id = e.id) ");

EnrollmentRecord recordFrom(const QSqlQuery& query)
{
    EnrollmentRecord r;
    r.id = query.value(0).toLongLong();
    r.officerId = query.value(1).toLongLong();
    r.officerName = query.value(2).toString();
    r.organizationName = query.value(3).toString();
    r.tokenSerial = query.value(4).toString();
    r.profileName = query.value(5).toString();
    r.caName = query.value(6).toString();
    r.state = parseState(query.value(7).toString()).value_or(EnrollmentState::Failed);
    r.keyIdHex = query.value(8).toString();
    r.requestPem = query.value(9).toString().toLatin1();
    r.caReference = query.value(10).toString();
    r.lastError = query.value(11).toString();
    r.createdAt = query.value(12).toString();
    r.updatedAt = query.value(13).toString();
    if (!query.value(14).isNull()) {
        CertificateSummary summary;
        summary.serialHex = query.value(14).toString();
        summary.subject = query.value(15).toString();
        summary.issuer = query.value(16).toString();
        summary.notBefore = query.value(17).toString();
        summary.notAfter = query.value(18).toString();
        summary.fingerprintSha256 = query.value(19).toString();
        summary.pem = query.value(20).toString().toLatin1();
        summary.chainPem = query.value(21).toString().toLatin1();
        for (const auto& link : ossl::certificatesFrom(summary.chainPem))
            summary.chainDer << ossl::derOf(link.get());
        r.certificate = summary;
    }
    return r;
}

}  // namespace

QString stateName(EnrollmentState state)
{
    for (const auto& entry : kStateNames) {
        if (entry.state == state)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("unknown");
}

std::optional<EnrollmentState> parseState(const QString& name)
{
    for (const auto& entry : kStateNames) {
        if (name == QLatin1String(entry.name))
            return entry.state;
    }
    return std::nullopt;
}

struct EnrollmentEngine::Context {
    const Operator& by;
    EnrollmentRecord record;
    const pkcs11::Pin& pin;
    const TokenPreparation* preparation;
    const ProgressSink& progress;
    Officer officer;
    CertificateProfile profile;
    CaConfig ca;
    std::shared_ptr<pkcs11::Module> module;
    // The token for this run, logged in once (see held()).
    std::optional<pkcs11::Token> work;
    // The public key, when this run generated or found the key (saves reading it back).
    QByteArray publicKeyDer;

    void report(const QString& message) const
    {
        if (progress)
            progress(record.state, message);
    }
    QString keyLabel() const
    {
        return QStringLiteral("%1 %2 %3 #%4")
            .arg(officer.fields.surname, officer.fields.givenName, profile.name)
            .arg(record.id);
    }
    // The token, logged in once for the rest of the run.
    CoreResult<pkcs11::Token*> held()
    {
        if (work)
            return &*work;
        work.emplace(module, record.tokenSerial.toStdString());
        if (auto loggedIn = work->holdSession(pin); !loggedIn) {
            work.reset();
            return std::unexpected(fromTokenError(loggedIn.error()));
        }
        return &*work;
    }
};

EnrollmentEngine::EnrollmentEngine(const Database& database, const CaConnectors& connectors,
                                   std::vector<std::shared_ptr<pkcs11::Module>> modules)
    : m_database(database), m_connectors(connectors), m_modules(std::move(modules))
{
}

CoreResult<qint64> EnrollmentEngine::create(const Operator& by, qint64 officerId, const QString& tokenSerial,
                                            const QString& profileName, const QString& caName, bool erasesToken) const
{
    auto officer = Registry(m_database).officer(officerId);
    if (!officer)
        return std::unexpected(officer.error());
    auto profileId = Profiles(m_database).idOf(profileName);
    if (!profileId)
        return std::unexpected(profileId.error());
    auto ca = m_connectors.find(caName);
    if (!ca)
        return std::unexpected(ca.error());
    // The subject is made now, before any key: a profile that cannot make one for this officer (an empty subject,
    // an attribute too long or not encodable) is refused before anything is written to a token or sent to a CA.
    auto profile = Profiles(m_database).find(profileName);
    if (!profile)
        return std::unexpected(profile.error());
    if (auto subject = buildSubject(*profile, *officer); !subject)
        return std::unexpected(subject.error());
    // An empty serial means "the new token plugged in": some tokens (SoftHSM's free slot) only get a serial when
    // they are initialized, which the enrollment's first step then does.
    return m_database.transaction<qint64>([&]() -> CoreResult<qint64> {
        const QString now = storedNow();
        // A token belongs to one officer at a time. Another officer's enrollment still in progress on it refuses
        // this one; another officer's finished one (the token holds that officer's key) refuses it unless the
        // token is to be erased first (which TokenService allows a supervisor only). Checked inside the write
        // transaction (BEGIN IMMEDIATE), so two desks or processes enrolling on one token at once cannot both pass.
        if (!tokenSerial.isEmpty()) {
            auto other = m_database.exec(
                QStringLiteral("SELECT e.id, o.surname || ' ' || o.given_name, e.state FROM enrollments e "
                               "JOIN tokens t ON t.id = e.token_id JOIN officers o ON o.id = e.officer_id "
                               "WHERE t.serial = ? AND e.officer_id != ? AND e.state NOT IN ('failed', 'cancelled') "
                               "AND (? = 0 OR e.state NOT IN ('verified', 'handed_over')) ORDER BY e.id DESC LIMIT 1"),
                {tokenSerial, officerId, erasesToken ? 1 : 0});
            if (!other)
                return std::unexpected(other.error());
            if (other->next()) {
                const bool finished = other->value(2).toString() == stateName(EnrollmentState::Verified) ||
                                      other->value(2).toString() == stateName(EnrollmentState::HandedOver);
                return coreError(CoreErrorKind::Conflict,
                                 finished ? QStringLiteral("token %1 holds the key of %3 (enrollment #%2); it can be used "
                                                           "for another officer only if it is erased first (--init, a "
                                                           "supervisor)")
                                                .arg(tokenSerial, other->value(0).toString(), other->value(1).toString())
                                          : QStringLiteral("token %1 is in enrollment #%2 for %3, which is not finished; "
                                                           "finish or cancel that one first")
                                                .arg(tokenSerial, other->value(0).toString(), other->value(1).toString()));
            }
        }
        if (!tokenSerial.isEmpty()) {
            auto token = m_database.exec(QStringLiteral("INSERT INTO tokens (serial, first_seen_at, updated_at) VALUES (?, ?, ?) "
                                                        "ON CONFLICT(serial) DO UPDATE SET updated_at = excluded.updated_at"),
                                         {tokenSerial, now, now});
            if (!token)
                return std::unexpected(token.error());
        }
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO enrollments (officer_id, token_id, profile_id, ca_id, state, created_at, updated_at) "
                           "VALUES (?, (SELECT id FROM tokens WHERE serial = ?), ?, ?, ?, ?, ?)"),
            {officerId, tokenSerial, *profileId, ca->id, stateName(EnrollmentState::Created), now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        auto logged = AuditLog(m_database).append(by.name, QStringLiteral("enrollment.created"), QStringLiteral("enrollment"),
                                                  QString::number(id), audit::Ok,
                                                  {{QStringLiteral("officer_id"), officerId},
                                                   {QStringLiteral("civil_id"), officer->fields.civilId},
                                                   {QStringLiteral("token"), tokenSerial},
                                                   {QStringLiteral("profile"), profileName},
                                                   {QStringLiteral("ca"), caName}});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

CoreResult<EnrollmentRecord> EnrollmentEngine::record(qint64 id) const
{
    auto query = m_database.exec(kRecordSelect + QStringLiteral("WHERE e.id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no enrollment #%1").arg(id));
    return recordFrom(*query);
}

namespace {

CoreResult<std::vector<EnrollmentRecord>> records(const Database& database, const QString& whereAndOrder,
                                                 const QVariantList& values = {})
{
    auto query = database.exec(kRecordSelect + whereAndOrder, values);
    if (!query)
        return std::unexpected(query.error());
    std::vector<EnrollmentRecord> result;
    while (query->next())
        result.push_back(recordFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

}  // namespace

CoreResult<std::vector<EnrollmentRecord>> EnrollmentEngine::list(std::optional<EnrollmentState> state) const
{
    return state ? records(m_database, QStringLiteral("WHERE e.state = ? ORDER BY e.id"), {stateName(*state)})
                 : records(m_database, QStringLiteral("ORDER BY e.id"));
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentEngine::onToken(const QString& serial) const
{
    return records(m_database, QStringLiteral("WHERE t.serial = ? AND e.state NOT IN ('failed', 'cancelled') ORDER BY e.id DESC"),
                   {serial});
}

CoreResult<std::vector<EnrollmentRecord>> EnrollmentEngine::withValidCertificate(qint64 officerId,
                                                                                const QString& profileName) const
{
    return records(m_database,
                   QStringLiteral("WHERE e.officer_id = ? AND p.name = ? AND x.status = 'valid' AND x.not_after > ? "
                                  "ORDER BY e.id DESC"),
                   {officerId, profileName, storedNow()});
}

CoreStatus EnrollmentEngine::transition(Context& context, EnrollmentState to, const QVariantMap& columns,
                                        const QJsonObject& details, const std::function<CoreStatus()>& inside) const
{
    const EnrollmentState from = context.record.state;
    auto done = m_database.transaction<bool>([&]() -> CoreResult<bool> {
        QString sql = QStringLiteral("UPDATE enrollments SET state = ?, last_error = '', updated_at = ?");
        QVariantList values{stateName(to), storedNow()};
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            sql += QStringLiteral(", %1 = ?").arg(it.key());
            values << it.value();
        }
        sql += QStringLiteral(" WHERE id = ? AND state = ?");
        values << context.record.id << stateName(from);
        auto updated = m_database.exec(sql, values);
        if (!updated)
            return std::unexpected(updated.error());
        if (updated->numRowsAffected() != 1) {
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("enrollment #%1 changed under our feet (another desk or process?)")
                                 .arg(context.record.id));
        }
        if (inside) {
            if (auto done = inside(); !done)
                return std::unexpected(done.error());
        }
        QJsonObject event = details;
        event.insert(QStringLiteral("from"), stateName(from));
        auto logged = AuditLog(m_database).append(context.by.name, QStringLiteral("enrollment.") + stateName(to),
                                                  QStringLiteral("enrollment"), QString::number(context.record.id),
                                                  audit::Ok, event);
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    // What was just written (key ID, request, certificate) is what the next step works from.
    auto fresh = record(context.record.id);
    if (!fresh)
        return std::unexpected(fresh.error());
    context.record = *fresh;
    context.report(QStringLiteral("reached %1").arg(stateName(to)));
    faultInjection(to);
    return {};
}

CoreStatus EnrollmentEngine::recordFailure(const Operator& by, qint64 id, EnrollmentState state,
                                           const CoreError& error) const
{
    return AuditLog(m_database).recordChange(
        [&]() -> CoreStatus {
            auto updated = m_database.exec(QStringLiteral("UPDATE enrollments SET last_error = ?, updated_at = ? WHERE id = ?"),
                                           {error.message, storedNow(), id});
            if (!updated)
                return std::unexpected(updated.error());
            return {};
        },
        by.name, QStringLiteral("enrollment.") + stateName(state), QStringLiteral("enrollment"), QString::number(id),
        audit::Failed, {{QStringLiteral("error"), error.message}});
}

CoreResult<CertificateSummary> EnrollmentEngine::acceptCertificate(const Operator&, const EnrollmentRecord& record,
                                                                   const CaResponse& response) const
{
    auto profile = Profiles(m_database).find(record.profileName);
    if (!profile)
        return std::unexpected(profile.error());
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return std::unexpected(anchors.error());
    auto request = ossl::requestFromPem(record.requestPem);
    if (!request)
        return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no readable request").arg(record.id));
    ExpectedCertificate expected{publicKeyOfRequest(record.requestPem), subjectOfRequest(ossl::derOf(request.get())),
                                 *profile};
    return checkIssuedCertificate(response.certificateDer, response.chainDer, *anchors, expected);
}

CoreResult<EnrollmentRecord> EnrollmentEngine::run(const Operator& by, qint64 id, const pkcs11::Pin& userPin,
                                                   const TokenPreparation* preparation,
                                                   const ProgressSink& progress) const
{
    auto loaded = record(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    Context context{by, *loaded, userPin, preparation, progress, {}, {}, {}, {}, {}, {}};
    auto officer = Registry(m_database).officer(context.record.officerId);
    auto profile = Profiles(m_database).find(context.record.profileName);
    auto ca = m_connectors.find(context.record.caName);
    if (!officer || !profile || !ca)
        return std::unexpected(!officer ? officer.error() : !profile ? profile.error() : ca.error());
    context.officer = *officer;
    context.profile = *profile;
    context.ca = *ca;

    const auto terminal = [](EnrollmentState s) {
        return s == EnrollmentState::Verified || s == EnrollmentState::HandedOver || s == EnrollmentState::Failed ||
               s == EnrollmentState::Cancelled;
    };
    while (!terminal(context.record.state)) {
        const EnrollmentState before = context.record.state;
        if (auto stepped = step(context); !stepped) {
            if (stepped.error().kind != CoreErrorKind::Pending)
                recordFailure(by, id, context.record.state, stepped.error());
            if (stepped.error().kind == CoreErrorKind::Pending)
                break;
            return std::unexpected(stepped.error());
        }
        if (context.record.state == before)
            break;
    }
    return record(id);
}

CoreStatus EnrollmentEngine::step(Context& context) const
{
    EnrollmentRecord& r = context.record;

    // The token, wherever it is plugged in (the serial can change when it is initialized).
    auto locateToken = [&]() -> CoreStatus {
        std::optional<pkcs11::TokenError> lastError;
        for (const auto& module : m_modules) {
            auto found = module->findToken(r.tokenSerial.toStdString());
            if (found) {
                context.module = module;
                return {};
            }
            lastError = found.error();
        }
        return coreError(CoreErrorKind::Token,
                         QStringLiteral("the token %1 is not plugged in; plug it in and resume enrollment #%2")
                             .arg(r.tokenSerial)
                             .arg(r.id));
    };

    // The token located and logged in once for the rest of the run.
    auto workToken = [&]() -> CoreResult<pkcs11::Token*> {
        if (auto located = locateToken(); !located)
            return std::unexpected(located.error());
        return context.held();
    };

    switch (r.state) {
    case EnrollmentState::Created: {
        std::optional<pkcs11::TokenInfo> found;
        if (r.tokenSerial.isEmpty()) {
            // The new token plugged in, to be initialized now.
            if (!context.preparation) {
                return coreError(CoreErrorKind::Token, QStringLiteral("enrollment #%1 is for a new token: it must be "
                                                                      "initialized (give a label and SO PIN)")
                                                           .arg(r.id));
            }
            for (const auto& module : m_modules) {
                if (auto blank = module->findUninitializedToken()) {
                    context.module = module;
                    found = *blank;
                    break;
                }
            }
            if (!found)
                return coreError(CoreErrorKind::Token, QStringLiteral("no new token is plugged in"));
        } else {
            if (auto located = locateToken(); !located)
                return located;
            auto info = context.module->findToken(r.tokenSerial.toStdString());
            if (!info)
                return std::unexpected(fromTokenError(info.error()));
            found = *info;
        }
        auto info = std::optional<pkcs11::TokenInfo>(*found);
        QString serial = r.tokenSerial;
        bool initialized = false;
        // A token that cannot make the profile's key is refused before anything on it is erased or changed.
        if (auto able = pkcs11::Token::checkCanGenerate(context.module, *info, context.profile.keyType); !able)
            return std::unexpected(fromTokenError(able.error()));
        if (context.preparation) {
            context.report(QStringLiteral("initializing the token"));
            // Through the token service: erasing a token that was set up before is a supervisor's action, and
            // either way the initialization is audited with the token's serial.
            auto done = TokenService(m_database, {context.module})
                            .initialize(context.by, r.tokenSerial, context.preparation->label,
                                        context.preparation->soPin, context.pin);
            if (!done)
                return std::unexpected(done.error());
            info = *done;
            serial = QString::fromStdString(done->serial);
            initialized = true;
        } else if (!info->flags.tokenInitialized || !info->flags.userPinInitialized) {
            return coreError(CoreErrorKind::Token, QStringLiteral("the token %1 is not initialized; enroll with --init "
                                                                  "--label L --so-pin-file F")
                                                       .arg(r.tokenSerial));
        }
        // The token inventory learns what this token is.
        const QString now = storedNow();
        auto inventory = m_database.exec(
            QStringLiteral("INSERT INTO tokens (serial, manufacturer, model, label, status, first_seen_at, updated_at) "
                           "VALUES (?, ?, ?, ?, 'in_stock', ?, ?) ON CONFLICT(serial) DO UPDATE SET "
                           "manufacturer = excluded.manufacturer, model = excluded.model, label = excluded.label, "
                           "updated_at = excluded.updated_at"),
            {serial, QString::fromStdString(info->manufacturer), QString::fromStdString(info->model),
             QString::fromStdString(info->label), now, now});
        if (!inventory)
            return std::unexpected(inventory.error());
        auto tokenId = m_database.exec(QStringLiteral("SELECT id FROM tokens WHERE serial = ?"), {serial});
        if (!tokenId || !tokenId->next())
            return coreError(CoreErrorKind::Database, QStringLiteral("the token %1 is not in the inventory").arg(serial));
        const qint64 tokenRow = tokenId->value(0).toLongLong();
        tokenId->finish();
        r.tokenSerial = serial;
        return transition(context, EnrollmentState::TokenPrepared, {{QStringLiteral("token_id"), tokenRow}},
                          {{QStringLiteral("token"), serial},
                           {QStringLiteral("model"), QString::fromStdString(info->model)},
                           {QStringLiteral("initialized"), initialized}});
    }

    case EnrollmentState::TokenPrepared: {
        auto held = workToken();
        if (!held)
            return std::unexpected(held.error());
        pkcs11::Token& token = **held;
        // A key left by an interrupted run (same label, made before the crash) is taken, never a second one.
        const std::string label = context.keyLabel().toStdString();
        auto existing = token.findKeyPair(context.pin, label);
        if (!existing)
            return std::unexpected(fromTokenError(existing.error()));
        std::optional<std::vector<std::uint8_t>> keyId;
        if (*existing) {
            keyId = (*existing)->id;
            context.publicKeyDer = toBytes((*existing)->publicKeyDer);
        }
        const bool reused = keyId.has_value();
        if (!keyId) {
            context.report(QStringLiteral("generating the key pair on the token"));
            auto generated = token.generateKeyPair(context.pin, context.profile.keyType, label);
            if (!generated)
                return std::unexpected(fromTokenError(generated.error()));
            keyId = generated->id;
            context.publicKeyDer = toBytes(generated->publicKeyDer);
        }
        const QString idHex = QString::fromStdString(pkcs11::toHex(*keyId));
        return transition(context, EnrollmentState::KeyGenerated, {{QStringLiteral("key_id"), idHex}},
                          {{QStringLiteral("key_id"), idHex},
                           {QStringLiteral("key_type"), QString::fromStdString(pkcs11::keyTypeName(context.profile.keyType))},
                           {QStringLiteral("reused_after_interruption"), reused}});
    }

    case EnrollmentState::KeyGenerated: {
        auto held = workToken();
        if (!held)
            return std::unexpected(held.error());
        pkcs11::Token& token = **held;
        const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
        if (!keyId)
            return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no key ID").arg(r.id));
        if (context.publicKeyDer.isEmpty()) {
            auto publicKey = token.publicKey(context.pin, *keyId);
            if (!publicKey)
                return std::unexpected(fromTokenError(publicKey.error()));
            context.publicKeyDer = toBytes(*publicKey);
        }
        auto subject = buildSubject(context.profile, context.officer);
        if (!subject)
            return std::unexpected(subject.error());
        auto signer = token.signingKey(context.pin, *keyId);
        if (!signer)
            return std::unexpected(fromTokenError(signer.error()));
        context.report(QStringLiteral("signing the request on the token"));
        auto request = buildCertificateRequest(*subject, context.profile, context.publicKeyDer, signer->get());
        if (!request)
            return std::unexpected(request.error());
        return transition(context, EnrollmentState::RequestBuilt, {{QStringLiteral("csr_pem"), QString::fromLatin1(request->pem)}},
                          {{QStringLiteral("subject"), ossl::nameText(X509_REQ_get_subject_name(
                                                           ossl::requestFromDer(request->der).get()))}});
    }

    case EnrollmentState::RequestBuilt: {
        auto connector = m_connectors.open(context.ca);
        if (!connector)
            return std::unexpected(connector.error());
        auto request = ossl::requestFromPem(r.requestPem);
        if (!request)
            return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no readable request").arg(r.id));
        context.report(QStringLiteral("sending the request to %1").arg(context.ca.name));
        auto response = (*connector)->submit(ossl::derOf(request.get()), context.profile, r.id);
        if (!response)
            return std::unexpected(response.error());
        if (response->status == CaResponse::Status::Pending) {
            if (auto moved = transition(context, EnrollmentState::Submitted,
                                        {{QStringLiteral("ca_reference"), response->reference}},
                                        {{QStringLiteral("ca"), context.ca.name},
                                         {QStringLiteral("pending"), true},
                                         {QStringLiteral("reference"), response->reference}});
                !moved)
                return moved;
            return coreError(CoreErrorKind::Pending,
                             QStringLiteral("the request waits for the CA %1 (%2)").arg(context.ca.name, response->reference));
        }
        auto accepted = acceptCertificate(context.by, r, *response);
        if (!accepted)
            return std::unexpected(accepted.error());
        if (auto moved = transition(context, EnrollmentState::Submitted, {},
                                    {{QStringLiteral("ca"), context.ca.name}, {QStringLiteral("pending"), false}});
            !moved)
            return moved;
        return storeReceived(context, *accepted);
    }

    case EnrollmentState::Submitted: {
        auto connector = m_connectors.open(context.ca);
        if (!connector)
            return std::unexpected(connector.error());
        auto request = ossl::requestFromPem(r.requestPem);
        if (!request)
            return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no readable request").arg(r.id));
        // A CA that answers at once and has no reference for us was interrupted before its answer was stored:
        // ask it again (the CA may then hold two certificates for this key; only the one accepted here is used).
        auto response = r.caReference.isEmpty()
                            ? (*connector)->submit(ossl::derOf(request.get()), context.profile, r.id)
                            : (*connector)->collect(r.caReference, ossl::derOf(request.get()));
        if (!response)
            return std::unexpected(response.error());
        if (response->status == CaResponse::Status::Pending) {
            return coreError(CoreErrorKind::Pending, QStringLiteral("the request still waits for the CA %1; import its "
                                                                    "answer with batch import")
                                                         .arg(context.ca.name));
        }
        auto accepted = acceptCertificate(context.by, r, *response);
        if (!accepted)
            return std::unexpected(accepted.error());
        return storeReceived(context, *accepted);
    }

    case EnrollmentState::CertificateReceived: {
        if (auto located = locateToken(); !located)
            return located;
        if (!r.certificate)
            return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 has no stored certificate").arg(r.id));
        auto held = context.held();
        if (!held)
            return std::unexpected(held.error());
        pkcs11::Token& token = **held;
        const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
        auto certificate = ossl::certificateFromPem(r.certificate->pem);
        if (!keyId || !certificate)
            return coreError(CoreErrorKind::Database, QStringLiteral("enrollment #%1 is damaged").arg(r.id));
        context.report(QStringLiteral("writing the certificate onto the token"));
        if (auto stored = token.storeCertificate(context.pin, fromBytes(ossl::derOf(certificate.get())), *keyId,
                                                 context.keyLabel().toStdString());
            !stored)
            return std::unexpected(fromTokenError(stored.error()));
        for (const QByteArray& link : r.certificate->chainDer) {
            auto linkCertificate = ossl::certificateFromDer(link);
            const std::string label =
                linkCertificate ? ossl::nameText(X509_get_subject_name(linkCertificate.get())).section(QStringLiteral("CN="), 1).section(QLatin1Char(','), 0, 0).toStdString()
                                : std::string("CA");
            if (auto stored = token.storeCaCertificate(context.pin, fromBytes(link), label.empty() ? "CA" : label); !stored)
                return std::unexpected(fromTokenError(stored.error()));
        }
        return transition(context, EnrollmentState::WrittenToToken, {},
                          {{QStringLiteral("certificate_serial"), r.certificate->serialHex},
                           {QStringLiteral("chain_certificates"), static_cast<int>(r.certificate->chainDer.size())}});
    }

    case EnrollmentState::WrittenToToken: {
        auto held = workToken();
        if (!held)
            return std::unexpected(held.error());
        context.report(QStringLiteral("reading the token back"));
        auto verified = verifyToken(context, **held);
        if (!verified)
            return verified;
        return transition(context, EnrollmentState::Verified, {},
                          {{QStringLiteral("certificate_serial"), r.certificate->serialHex},
                           {QStringLiteral("fingerprint_sha256"), r.certificate->fingerprintSha256}});
    }

    case EnrollmentState::Verified:
    case EnrollmentState::HandedOver:
    case EnrollmentState::Failed:
    case EnrollmentState::Cancelled:
        return {};
    }
    return {};
}

CoreStatus EnrollmentEngine::storeReceived(Context& context, const CertificateSummary& certificate) const
{
    const EnrollmentRecord& r = context.record;
    auto stored = transition(
        context, EnrollmentState::CertificateReceived, {},
        {{QStringLiteral("certificate_serial"), certificate.serialHex},
         {QStringLiteral("subject"), certificate.subject},
         {QStringLiteral("issuer"), certificate.issuer},
         {QStringLiteral("fingerprint_sha256"), certificate.fingerprintSha256}},
        [&]() -> CoreStatus {
            auto inserted = m_database.exec(
                QStringLiteral("INSERT INTO certificates (enrollment_id, officer_id, serial_hex, subject, issuer, "
                               "not_before, not_after, fingerprint_sha256, certificate_pem, chain_pem, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint_sha256) DO NOTHING"),
                {r.id, r.officerId, certificate.serialHex, certificate.subject, certificate.issuer,
                 certificate.notBefore, certificate.notAfter, certificate.fingerprintSha256,
                 QString::fromLatin1(certificate.pem), QString::fromLatin1(certificate.chainPem), storedNow()});
            if (!inserted)
                return std::unexpected(inserted.error());
            return {};
        });
    if (!stored)
        return stored;
    context.record.certificate = certificate;
    return {};
}

CoreStatus EnrollmentEngine::verifyToken(Context& context, const pkcs11::Token& token) const
{
    const EnrollmentRecord& r = context.record;
    auto problem = [&](const QString& what) {
        return coreError(CoreErrorKind::Token,
                         QStringLiteral("the token %1 does not hold what was written: %2").arg(r.tokenSerial, what));
    };
    const auto keyId = pkcs11::fromHex(r.keyIdHex.toStdString());
    auto expected = ossl::certificateFromPem(r.certificate ? r.certificate->pem : QByteArray());
    if (!keyId || !expected)
        return problem(QStringLiteral("the enrollment has no key or certificate to compare"));
    const std::string label = context.keyLabel().toStdString();

    auto objects = token.objects(&context.pin);
    if (!objects)
        return std::unexpected(fromTokenError(objects.error()));
    int privateKeys = 0;
    int publicKeys = 0;
    int labelledPrivateKeys = 0;
    for (const auto& object : *objects) {
        if (object.objectClass == pkcs11::ObjectClass::PrivateKey && object.label == label)
            ++labelledPrivateKeys;
        if (object.id != *keyId)
            continue;
        if (object.label != label)
            return problem(QStringLiteral("an object with the key's ID has the label \"%1\"").arg(QString::fromStdString(object.label)));
        privateKeys += object.objectClass == pkcs11::ObjectClass::PrivateKey;
        publicKeys += object.objectClass == pkcs11::ObjectClass::PublicKey;
        if (object.objectClass == pkcs11::ObjectClass::PrivateKey && (!object.sensitive || object.extractable))
            return problem(QStringLiteral("the private key is not sensitive and non-extractable"));
    }
    if (privateKeys != 1 || publicKeys != 1 || labelledPrivateKeys != 1)
        return problem(QStringLiteral("%1 private and %2 public keys carry the key's ID, %3 private keys its label; "
                                      "one of each was expected")
                           .arg(privateKeys)
                           .arg(publicKeys)
                           .arg(labelledPrivateKeys));

    auto certificates = token.certificates();
    if (!certificates)
        return std::unexpected(fromTokenError(certificates.error()));
    const QByteArray expectedDer = ossl::derOf(expected.get());
    int withKeyId = 0;
    bool matches = false;
    for (const auto& stored : *certificates) {
        if (stored.id != *keyId)
            continue;
        ++withKeyId;
        matches = toBytes(stored.der) == expectedDer && stored.label == label;
    }
    if (withKeyId != 1 || !matches)
        return problem(QStringLiteral("%1 certificates carry the key's ID; exactly the certificate from the CA, with the "
                                      "key's label, was expected")
                           .arg(withKeyId));
    for (const QByteArray& link : r.certificate->chainDer) {
        const bool present = std::any_of(certificates->begin(), certificates->end(),
                                         [&](const auto& stored) { return toBytes(stored.der) == link; });
        if (!present)
            return problem(QStringLiteral("a CA certificate of the chain is missing"));
    }
    auto publicKey = token.publicKey(context.pin, *keyId);
    if (!publicKey)
        return std::unexpected(fromTokenError(publicKey.error()));
    if (toBytes(*publicKey) != ossl::publicKeyDer(X509_get0_pubkey(expected.get())))
        return problem(QStringLiteral("the certificate's public key is not the key on the token"));
    auto request = ossl::requestFromPem(r.requestPem);
    if (!request || ossl::nameText(X509_get_subject_name(expected.get())) !=
                        ossl::nameText(X509_REQ_get_subject_name(request.get())))
        return problem(QStringLiteral("the certificate's subject is not the subject requested"));
    return {};
}

CoreResult<EnrollmentRecord> EnrollmentEngine::handOver(const Operator& by, qint64 id) const
{
    auto loaded = record(id);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (loaded->state != EnrollmentState::Verified)
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("enrollment #%1 is %2, not verified: it cannot be "
                                                                     "handed over yet")
                                                          .arg(id)
                                                          .arg(stateName(loaded->state)));
    const pkcs11::Pin none;
    const ProgressSink silent;
    Context context{by, *loaded, none, nullptr, silent, {}, {}, {}, {}, {}, {}};
    auto moved = transition(context, EnrollmentState::HandedOver, {}, {{QStringLiteral("token"), loaded->tokenSerial}},
                            [&]() -> CoreStatus {
                                auto issued = m_database.exec(
                                    QStringLiteral("UPDATE tokens SET status = 'issued', updated_at = ? WHERE serial = ?"),
                                    {storedNow(), loaded->tokenSerial});
                                if (!issued)
                                    return std::unexpected(issued.error());
                                return {};
                            });
    if (!moved)
        return std::unexpected(moved.error());
    return record(id);
}

CoreResult<int> EnrollmentEngine::exportRequests(const Operator& by, const QString& caName, const QString& folder) const
{
    auto waiting = list(EnrollmentState::Submitted);
    if (!waiting)
        return std::unexpected(waiting.error());
    int exported = 0;
    QJsonArray ids;
    for (const EnrollmentRecord& r : *waiting) {
        if (r.caName != caName)
            continue;
        auto request = ossl::requestFromPem(r.requestPem);
        if (!request)
            continue;
        auto written = exportRequest(folder, ossl::derOf(request.get()), r.profileName, r.id);
        if (!written)
            return std::unexpected(written.error());
        ids.append(r.id);
        ++exported;
    }
    auto logged = m_database.transaction<qint64>([&] {
        return AuditLog(m_database).append(by.name, QStringLiteral("batch.export"), QStringLiteral("ca"), caName, audit::Ok,
                                           {{QStringLiteral("folder"), folder}, {QStringLiteral("enrollments"), ids}});
    });
    if (!logged)
        return std::unexpected(logged.error());
    return exported;
}

CoreResult<EnrollmentEngine::ImportOutcome> EnrollmentEngine::importCertificates(const Operator& by,
                                                                                 const QString& caName,
                                                                                 const QString& folder) const
{
    auto waiting = list(EnrollmentState::Submitted);
    if (!waiting)
        return std::unexpected(waiting.error());
    ImportOutcome outcome;

    // The folder is read once, whatever the number of waiting requests; every file's fate is reported.
    struct Candidate {
        QByteArray der;
        QString file;
        QString notBefore;
        QByteArray publicKey;
    };
    std::vector<Candidate> endEntity;
    QList<QByteArray> caCertificates;
    QHash<QString, int> usedFromFile;  // file -> certificates accepted from it
    QHash<QString, int> caFromFile;
    for (const ExchangeFile& file : readExchangeFolder(folder)) {
        if (!file.problem.isEmpty()) {
            outcome.files << QStringLiteral("%1: not used: %2").arg(file.name, file.problem);
            continue;
        }
        for (const QByteArray& der : file.certificates) {
            auto certificate = ossl::certificateFromDer(der);
            if (!certificate)
                continue;
            if (X509_check_ca(certificate.get())) {
                caCertificates << der;
                ++caFromFile[file.name];
                continue;
            }
            EVP_PKEY* key = X509_get0_pubkey(certificate.get());
            endEntity.push_back({der, file.name, ossl::timeText(X509_get0_notBefore(certificate.get())),
                                 key ? ossl::publicKeyDer(key) : QByteArray()});
        }
    }

    for (const EnrollmentRecord& r : *waiting) {
        if (r.caName != caName)
            continue;
        const QByteArray publicKey = publicKeyOfRequest(r.requestPem);
        std::vector<const Candidate*> candidates;
        for (const Candidate& c : endEntity) {
            if (!publicKey.isEmpty() && c.publicKey == publicKey)
                candidates.push_back(&c);
        }
        if (candidates.empty()) {
            ++outcome.waiting;
            continue;
        }
        // Several for one key (a renewal, an expired one beside a valid one, the same one twice): each is checked,
        // newest first, and the first that passes every check is taken, whatever the order of the files.
        std::ranges::sort(candidates, [](const Candidate* a, const Candidate* b) { return a->notBefore > b->notBefore; });
        QStringList reasons;
        bool accepted = false;
        for (const Candidate* c : candidates) {
            CaResponse response;
            response.certificateDer = c->der;
            response.chainDer = caCertificates;
            auto checked = acceptCertificate(by, r, response);
            if (!checked) {
                reasons << QStringLiteral("%1: %2").arg(c->file, checked.error().message);
                continue;
            }
            const pkcs11::Pin none;
            const ProgressSink silent;
            Context context{by, r, none, nullptr, silent, {}, {}, {}, {}, {}, {}};
            if (auto stored = storeReceived(context, *checked); !stored)
                return std::unexpected(stored.error());
            ++usedFromFile[c->file];
            ++outcome.received;
            outcome.files << QStringLiteral("%1: the certificate of enrollment #%2 (%3), accepted")
                                 .arg(c->file)
                                 .arg(r.id)
                                 .arg(r.officerName);
            accepted = true;
            break;
        }
        if (!accepted) {
            const CoreError error{CoreErrorKind::CertificateRejected, reasons.join(QStringLiteral("; "))};
            outcome.refusals << QStringLiteral("enrollment #%1: %2").arg(r.id).arg(error.message);
            recordFailure(by, r.id, r.state, error);
        }
    }
    // Files whose certificates fitted no waiting request, and the chain files, are said too.
    QSet<QString> reported;
    for (const Candidate& c : endEntity) {
        if (usedFromFile.contains(c.file) || reported.contains(c.file))
            continue;
        reported.insert(c.file);
        outcome.files << QStringLiteral("%1: not used: no waiting request of %2 has its key (or it was refused)")
                             .arg(c.file, caName);
    }
    for (auto it = caFromFile.begin(); it != caFromFile.end(); ++it) {
        if (!usedFromFile.contains(it.key()))
            outcome.files << QStringLiteral("%1: %2 CA certificate(s), used to build chains").arg(it.key()).arg(it.value());
    }
    return outcome;
}

}  // namespace tamga::core
