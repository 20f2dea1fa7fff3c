#include "tamga/core/Revocations.h"

#include "DetachedSignature.h"
#include "Ocsp.h"
#include "Ossl.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/EnrollmentRecords.h"
#include "tamga/core/Files.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Text.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

#include <openssl/pem.h>

#include <array>
#include <utility>

namespace tamga::core {

namespace {

constexpr std::array<std::pair<RevocationState, const char*>, 6> kStateNames{{
    {RevocationState::Received, "received"},
    {RevocationState::Approved, "approved"},
    {RevocationState::Submitted, "submitted"},
    {RevocationState::Confirmed, "confirmed"},
    {RevocationState::Refused, "refused"},
    {RevocationState::Withdrawn, "withdrawn"},
}};

const QString kSelect = QStringLiteral(
    "SELECT r.id, r.certificate_id, c.enrollment_id, o.surname || ' ' || o.given_name, c.serial_hex, "
    "c.fingerprint_sha256, coalesce(a.name, ''), r.reason, r.statement, r.event_date, r.state, r.taken_by, "
    "r.requested_at, r.approved_by, r.approved_at, r.submitted_at, r.last_error, r.form_sha256, r.confirmed_at, "
    "r.confirmation, r.closing_note "
    "FROM revocation_requests r JOIN certificates c ON c.id = r.certificate_id JOIN officers o ON o.id = c.officer_id "
    "LEFT JOIN enrollments e ON e.id = c.enrollment_id LEFT JOIN ca_connectors a ON a.id = e.ca_id ");

RevocationApplication applicationFrom(const QSqlQuery& q)
{
    RevocationApplication a;
    a.id = q.value(0).toLongLong();
    a.certificateId = q.value(1).toLongLong();
    a.enrollmentId = q.value(2).toLongLong();
    a.officerName = q.value(3).toString();
    a.certificateSerialHex = q.value(4).toString();
    a.certificateFingerprint = q.value(5).toString();
    a.caName = q.value(6).toString();
    a.reason = q.value(7).toString();
    a.statement = q.value(8).toString();
    a.eventDate = q.value(9).toString();
    a.state = parseRevocationState(q.value(10).toString()).value_or(RevocationState::Received);
    a.takenBy = q.value(11).toString();
    a.requestedAt = q.value(12).toString();
    a.approvedBy = q.value(13).toString();
    a.approvedAt = q.value(14).toString();
    a.submittedAt = q.value(15).toString();
    a.lastError = q.value(16).toString();
    a.formSha256 = q.value(17).toString();
    a.confirmedAt = q.value(18).toString();
    a.confirmation = q.value(19).toString();
    a.closingNote = q.value(20).toString();
    return a;
}

// Applications still on their way to the CA or at it: a second one for the same certificate is refused.
const QString kUnderWay = QStringLiteral("'received', 'approved', 'submitted'");

} // namespace

QString revocationStateName(RevocationState state)
{
    for (const auto& [value, name] : kStateNames) {
        if (value == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<RevocationState> parseRevocationState(const QString& name)
{
    for (const auto& [value, text] : kStateNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

CoreStatus Revocations::allowsHandOver(qint64 enrollmentId) const
{
    auto row = m_database.exec(
        QStringLiteral("SELECT c.serial_hex, c.status, coalesce((SELECT max(r.id) FROM revocation_requests r WHERE "
                       "r.certificate_id = c.id AND r.state IN (%1)), 0) FROM certificates c WHERE c.enrollment_id = ? "
                       "ORDER BY c.id DESC LIMIT 1")
            .arg(kUnderWay),
        {enrollmentId});
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return {};
    const QString serial = row->value(0).toString();
    if (row->value(1).toString() == QStringLiteral("revoked"))
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("the certificate %1 of enrollment #%2 is revoked: the token is not handed over")
                             .arg(serial)
                             .arg(enrollmentId));
    if (const qint64 application = row->value(2).toLongLong())
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("revocation application #%1 is under way for the certificate %2 of enrollment "
                                        "#%3: the token is not handed over")
                             .arg(application)
                             .arg(serial)
                             .arg(enrollmentId));
    return {};
}

CoreResult<QSet<qint64>> Revocations::enrollmentsNotToHandOver() const
{
    auto rows = m_database.exec(
        QStringLiteral("SELECT DISTINCT c.enrollment_id FROM certificates c WHERE c.enrollment_id IS NOT NULL AND "
                       "(c.status = 'revoked' OR EXISTS (SELECT 1 FROM revocation_requests r WHERE r.certificate_id = "
                       "c.id AND r.state IN (%1)))")
            .arg(kUnderWay));
    if (!rows)
        return std::unexpected(rows.error());
    QSet<qint64> blocked;
    while (rows->next())
        blocked.insert(rows->value(0).toLongLong());
    return blocked;
}

CoreResult<std::vector<RevocableCertificate>> Revocations::revocable(const QString& search) const
{
    QString compact = search.trimmed().toLower();
    compact.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]+$"));
    QStringList conditions;
    QVariantList values;
    // A fingerprint or a serial: at least 8 hex digits (fewer would match by chance).
    if (compact.size() >= 8 && hex.match(compact).hasMatch()) {
        conditions << QStringLiteral("lower(c.fingerprint_sha256) = ?") << QStringLiteral("lower(c.serial_hex) = ?");
        values << compact << compact;
    }
    if (!search.trimmed().isEmpty()) {
        auto officers = Registry(m_database).officers(std::nullopt, search, 100);
        if (!officers)
            return std::unexpected(officers.error());
        QStringList ids;
        for (const Officer& officer : *officers)
            ids << QString::number(officer.id);
        if (!ids.isEmpty())
            conditions << QStringLiteral("c.officer_id IN (%1)").arg(ids.join(QLatin1Char(',')));
    }
    std::vector<RevocableCertificate> found;
    if (conditions.isEmpty())
        return found;
    auto rows = m_database.exec(
        QStringLiteral("SELECT c.id, c.enrollment_id, o.surname || ' ' || o.given_name, o.civil_id, g.name, "
                       "c.serial_hex, c.fingerprint_sha256, c.not_after, coalesce(a.name, ''), coalesce(t.serial, ''), "
                       "coalesce((SELECT max(r.id) FROM revocation_requests r WHERE r.certificate_id = c.id AND "
                       "r.state IN (%1)), 0) "
                       "FROM certificates c JOIN officers o ON o.id = c.officer_id JOIN organizations g ON g.id = "
                       "o.organization_id JOIN enrollments e ON e.id = c.enrollment_id LEFT JOIN ca_connectors a ON "
                       "a.id = e.ca_id LEFT JOIN tokens t ON t.id = e.token_id WHERE c.status = 'valid' AND (%2) ORDER "
                       "BY c.id DESC LIMIT 100")
            .arg(kUnderWay, conditions.join(QStringLiteral(" OR "))),
        values);
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        RevocableCertificate c;
        c.certificateId = rows->value(0).toLongLong();
        c.enrollmentId = rows->value(1).toLongLong();
        c.officerName = rows->value(2).toString();
        c.civilId = rows->value(3).toString();
        c.organization = rows->value(4).toString();
        c.serialHex = rows->value(5).toString();
        c.fingerprint = rows->value(6).toString();
        c.notAfter = rows->value(7).toString();
        c.caName = rows->value(8).toString();
        c.tokenSerial = rows->value(9).toString();
        c.openApplication = rows->value(10).toLongLong();
        found.push_back(std::move(c));
    }
    return found;
}

CoreResult<qint64> Revocations::apply(const Operator& by, qint64 enrollmentId, const QString& reason,
                                      const QString& statement, const QString& eventDate) const
{
    if (!isRevocationReason(reason))
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("\"%1\" is not a revocation reason (keyCompromise, affiliationChanged, "
                                        "superseded, cessationOfOperation, privilegeWithdrawn, unspecified)")
                             .arg(reason));
    // One paragraph: the statement's lines (a file the officer's words were typed into) are joined.
    const QString words = statement.simplified();
    if (words.isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("the officer's statement is empty"));
    if (auto problem = textProblem(QStringLiteral("statement"), words, 2000))
        return coreError(CoreErrorKind::InvalidInput, *problem);
    const QDate day = QDate::fromString(eventDate, Qt::ISODate);
    if (!day.isValid() || day > QDate::currentDate())
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("the date of the event is YYYY-MM-DD and not in the future, not \"%1\"").arg(eventDate));
    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto certificate = m_database.exec(
            QStringLiteral("SELECT id, serial_hex FROM certificates WHERE enrollment_id = ? AND status = 'valid' "
                           "ORDER BY id DESC LIMIT 1"),
            {enrollmentId});
        if (!certificate)
            return std::unexpected(certificate.error());
        if (!certificate->next())
            return coreError(CoreErrorKind::NotFound,
                             QStringLiteral("enrollment #%1 has no valid certificate to revoke").arg(enrollmentId));
        const qint64 certificateId = certificate->value(0).toLongLong();
        const QString serialHex = certificate->value(1).toString();
        certificate->finish();
        auto open = m_database.exec(QStringLiteral("SELECT id FROM revocation_requests WHERE certificate_id = ? AND "
                                                   "state IN (%1)")
                                        .arg(kUnderWay),
                                    {certificateId});
        if (!open)
            return std::unexpected(open.error());
        if (open->next())
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("the certificate %1 has an application under way already: #%2")
                                 .arg(serialHex)
                                 .arg(open->value(0).toLongLong()));
        open->finish();
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO revocation_requests (certificate_id, reason, state, requested_at, taken_by, "
                           "statement, event_date) VALUES (?, ?, 'received', ?, ?, ?, ?)"),
            {certificateId, reason, storedNow(), by.name, words, day.toString(Qt::ISODate)});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        auto logged = trail.add({by.name,
                                 QStringLiteral("revocation.received"),
                                 QStringLiteral("revocation"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("enrollment"), enrollmentId},
                                  {QStringLiteral("certificate"), serialHex},
                                  {QStringLiteral("reason"), reason},
                                  {QStringLiteral("event_date"), day.toString(Qt::ISODate)}}});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

CoreResult<std::vector<RevocationApplication>> Revocations::list(std::optional<RevocationState> state) const
{
    auto query = state ? m_database.exec(kSelect + QStringLiteral("WHERE r.state = ? ORDER BY r.id"),
                                         {revocationStateName(*state)})
                       : m_database.exec(kSelect + QStringLiteral("ORDER BY r.id"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<RevocationApplication> applications;
    while (query->next())
        applications.push_back(applicationFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return applications;
}

CoreResult<RevocationApplication> Revocations::find(qint64 id) const
{
    auto query = m_database.exec(kSelect + QStringLiteral("WHERE r.id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no revocation application #%1").arg(id));
    RevocationApplication application = applicationFrom(*query);
    query->finish();
    return application;
}

CoreStatus Revocations::move(const Operator& by, qint64 id, RevocationState from, RevocationState to,
                             const QString& action, const QString& setSql, const QVariantList& values,
                             const QString& note) const
{
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        QVariantList bound{revocationStateName(to)};
        bound << values << id << revocationStateName(from);
        // Only from the state the caller saw: another desk may have moved it meanwhile.
        auto moved = m_database.exec(QStringLiteral("UPDATE revocation_requests SET state = ?%1 WHERE id = ? AND "
                                                    "state = ?")
                                         .arg(setSql),
                                     bound);
        if (!moved)
            return std::unexpected(moved.error());
        if (moved->numRowsAffected() != 1)
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("revocation application #%1 is not %2 any more: look again")
                                 .arg(id)
                                 .arg(revocationStateName(from)));
        QJsonObject details{{QStringLiteral("from"), revocationStateName(from)},
                            {QStringLiteral("to"), revocationStateName(to)}};
        if (!note.isEmpty())
            details.insert(QStringLiteral("note"), note);
        auto logged =
            trail.add({by.name, action, QStringLiteral("revocation"), QString::number(id), audit::Ok, details});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreStatus Revocations::recordForm(const Operator& by, qint64 id, const QString& sha256) const
{
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto stored = m_database.exec(QStringLiteral("UPDATE revocation_requests SET form_sha256 = ? WHERE id = ?"),
                                      {sha256, id});
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->numRowsAffected() != 1)
            return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no revocation application #%1").arg(id));
        auto logged = trail.add({by.name,
                                 QStringLiteral("revocation.form_printed"),
                                 QStringLiteral("revocation"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("sha256"), sha256}}});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

CoreStatus Revocations::approve(const Operator& by, qint64 id) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("revocation.approve"));
        !allowed)
        return allowed;
    auto application = find(id);
    if (!application)
        return std::unexpected(application.error());
    if (application->takenBy == by.name) {
        // The two-person rule: the refusal itself is on record.
        auto refused = AuditLog(m_database)
                           .record({by.name,
                                    QStringLiteral("revocation.approve"),
                                    QStringLiteral("revocation"),
                                    QString::number(id),
                                    audit::Refused,
                                    {{QStringLiteral("why"), QStringLiteral("two-person rule")}}});
        if (!refused)
            return std::unexpected(refused.error());
        return coreError(CoreErrorKind::NotPermitted,
                         QStringLiteral("%1 took application #%2: a second supervisor approves it (the two-person "
                                        "rule)")
                             .arg(by.name)
                             .arg(id));
    }
    if (application->state != RevocationState::Received)
        return coreError(CoreErrorKind::Conflict, QStringLiteral("revocation application #%1 is %2, not received")
                                                      .arg(id)
                                                      .arg(revocationStateName(application->state)));
    // The approver checks the form the officer signed: it is printed first.
    if (application->formSha256.isEmpty())
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("the form of application #%1 has not been printed: print it for the officer "
                                        "to sign, then a second supervisor approves it")
                             .arg(id));
    return move(by, id, RevocationState::Received, RevocationState::Approved, QStringLiteral("revocation.approve"),
                QStringLiteral(", approved_by = ?, approved_at = ?"), {by.name, storedNow()}, QString());
}

CoreStatus Revocations::refuse(const Operator& by, qint64 id, const QString& why) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("revocation.refuse"));
        !allowed)
        return allowed;
    if (why.trimmed().isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("say why the application is refused"));
    auto application = find(id);
    if (!application)
        return std::unexpected(application.error());
    if (application->state != RevocationState::Received && application->state != RevocationState::Approved)
        return coreError(CoreErrorKind::Conflict, QStringLiteral("revocation application #%1 is %2: too late to refuse")
                                                      .arg(id)
                                                      .arg(revocationStateName(application->state)));
    return move(by, id, application->state, RevocationState::Refused, QStringLiteral("revocation.refuse"),
                QStringLiteral(", closing_note = ?"), {why.trimmed()}, why.trimmed());
}

CoreStatus Revocations::withdraw(const Operator& by, qint64 id, const QString& why) const
{
    if (why.trimmed().isEmpty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("say why the application is withdrawn"));
    auto application = find(id);
    if (!application)
        return std::unexpected(application.error());
    if (application->state != RevocationState::Received && application->state != RevocationState::Approved)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("revocation application #%1 is %2: too late to withdraw")
                             .arg(id)
                             .arg(revocationStateName(application->state)));
    return move(by, id, application->state, RevocationState::Withdrawn, QStringLiteral("revocation.withdraw"),
                QStringLiteral(", closing_note = ?"), {why.trimmed()}, why.trimmed());
}

CoreResult<QString> Revocations::sealOfflineRequest(const CaConfig& config, const QString& serialHex,
                                                    const RequestSigner* signer) const
{
    const QString path = config.settings.value(QStringLiteral("dir")).toString() +
                         QStringLiteral("/revocations/revoke-%1.json").arg(serialHex);
    auto content = readRegularFile(path, 1024 * 1024, QStringLiteral("the revocation request"));
    if (!content)
        return std::unexpected(content.error());
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(*content, QCryptographicHash::Sha256).toHex());
    if (auto written = writePrivateFile(
            path + QStringLiteral(".sha256"),
            (sha256 + QStringLiteral("  ") + QFileInfo(path).fileName() + QLatin1Char('\n')).toLatin1());
        !written)
        return std::unexpected(written.error());
    if (!signer)
        return QStringLiteral("%1, request SHA-256 %2").arg(config.name, sha256);
    // The desk's own token signs it; a request that cannot be signed is taken back, so the CA's operator never
    // finds an unsigned one from a desk that signs.
    auto fail = [&](const CoreError& error) -> CoreResult<QString> {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".sha256"));
        return std::unexpected(error);
    };
    auto signing = EnrollmentRecords(m_database).record(signer->enrollmentId);
    if (!signing)
        return fail(signing.error());
    if (!hasVerifiedCertificate(signing->state) || !signing->certificate)
        return fail(
            {CoreErrorKind::InvalidInput,
             QStringLiteral("enrollment #%1 has no verified certificate to sign with").arg(signer->enrollmentId)});
    const QString what = QStringLiteral("the revocation request");
    auto signature = signDetachedOnToken(*signer->modules, *signing, *signer->pin, *content, what);
    if (!signature)
        return fail(signature.error());
    auto anchors = TrustAnchors(m_database).allDer();
    if (!anchors)
        return fail(anchors.error());
    if (auto verified = verifyDetached(*signature, *content, derCertificates(signing->certificate->chainPem), *anchors,
                                       signing->certificate->fingerprintSha256, what);
        !verified)
        return fail(verified.error());
    if (auto written = writePrivateFile(path + QStringLiteral(".p7s"), *signature); !written)
        return fail(written.error());
    return QStringLiteral("%1, request SHA-256 %2, signed by %3")
        .arg(config.name, sha256, signing->certificate->fingerprintSha256);
}

CoreResult<RevocationApplication> Revocations::submit(const Operator& by, qint64 id, const CaConnectors& connectors,
                                                      const RequestSigner* signer) const
{
    auto application = find(id);
    if (!application)
        return std::unexpected(application.error());
    if (application->state != RevocationState::Approved)
        return coreError(
            CoreErrorKind::Conflict,
            application->state == RevocationState::Received
                ? QStringLiteral("revocation application #%1 waits for a second supervisor's approval").arg(id)
                : QStringLiteral("revocation application #%1 is %2: it is not sent (again)")
                      .arg(id)
                      .arg(revocationStateName(application->state)));
    auto certificate =
        m_database.exec(QStringLiteral("SELECT c.certificate_pem, e.ca_id FROM certificates c JOIN enrollments e ON "
                                       "e.id = c.enrollment_id WHERE c.id = ?"),
                        {application->certificateId});
    if (!certificate)
        return std::unexpected(certificate.error());
    if (!certificate->next())
        return coreError(
            CoreErrorKind::NotFound,
            QStringLiteral("the certificate of application #%1 has no enrollment: its CA is unknown").arg(id));
    const QByteArray pem = certificate->value(0).toString().toUtf8();
    const qint64 caId = certificate->value(1).toLongLong();
    certificate->finish();
    auto config = connectors.find(caId);
    if (!config)
        return std::unexpected(config.error());
    auto connector = connectors.open(*config);
    if (!connector)
        return std::unexpected(connector.error());
    const ossl::X509Ptr parsed = ossl::certificateFromPem(pem);
    if (!parsed)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("the certificate of application #%1 is damaged in the database").arg(id));
    const QByteArray der = ossl::derOf(parsed.get());
    // Claimed before the CA is asked: another desk or tamga-cli submitting the same application at the same instant
    // finds it claimed and sends nothing. A claim older than ten minutes (a desk that stopped during the call) may be
    // taken again.
    auto claimed = m_database.exec(
        QStringLiteral("UPDATE revocation_requests SET submitting_since = ? WHERE id = ? AND state = 'approved' AND "
                       "(submitting_since = '' OR submitting_since < ?)"),
        {storedNow(), id, QDateTime::currentDateTimeUtc().addSecs(-600).toString(Qt::ISODateWithMs)});
    if (!claimed)
        return std::unexpected(claimed.error());
    if (claimed->numRowsAffected() != 1)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("another desk is submitting revocation application #%1 now").arg(id));
    auto sent = (*connector)->revoke(der, application->reason);
    if (!sent) {
        // Stays approved with the reason: the next submit tries again, and nothing was sent twice.
        const QString error = sent.error().message;
        auto noted = m_database.exec(QStringLiteral("UPDATE revocation_requests SET last_error = ?, submitting_since = "
                                                    "'' WHERE id = ? AND state = 'approved'"),
                                     {error, id});
        if (!noted)
            return std::unexpected(noted.error());
        if (auto logged = AuditLog(m_database)
                              .record({by.name,
                                       QStringLiteral("revocation.submit"),
                                       QStringLiteral("revocation"),
                                       QString::number(id),
                                       audit::Failed,
                                       {{QStringLiteral("ca"), config->name}, {QStringLiteral("error"), error}}});
            !logged)
            return std::unexpected(logged.error());
        return std::unexpected(sent.error());
    }
    // The offline CA's request: signed by the desk's own token when asked, else sealed with its SHA-256 alone.
    QString note = config->name;
    if (config->type == QStringLiteral("files")) {
        auto sealed = sealOfflineRequest(*config, ossl::serialHex(parsed.get()), signer);
        if (!sealed) {
            auto released = m_database.exec(
                QStringLiteral("UPDATE revocation_requests SET last_error = ?, submitting_since = '' WHERE id = ?"),
                {sealed.error().message, id});
            if (!released)
                return std::unexpected(released.error());
            return std::unexpected(sealed.error());
        }
        note = *sealed;
    }
    if (auto moved =
            move(by, id, RevocationState::Approved, RevocationState::Submitted, QStringLiteral("revocation.submit"),
                 QStringLiteral(", submitted_at = ?, last_error = '', submitting_since = ''"), {storedNow()}, note);
        !moved)
        return std::unexpected(moved.error());
    // A CA that answers with the revocation itself (CMP) has confirmed it already.
    if (!sent->confirmation.isEmpty()) {
        if (auto confirmed = markConfirmed(by, *application, sent->confirmation); !confirmed)
            return std::unexpected(confirmed.error());
    }
    return find(id);
}

namespace {

ossl::CrlPtr crlFrom(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    if (X509_CRL* der = d2i_X509_CRL(nullptr, &p, static_cast<long>(bytes.size())))
        return ossl::CrlPtr(der);
    ossl::BioPtr bio(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
    return ossl::CrlPtr(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
}

} // namespace

CoreResult<RevocationApplication> Revocations::confirm(const Operator& by, qint64 id, const CaConnectors& connectors,
                                                       const QString& crlFile) const
{
    auto application = find(id);
    if (!application)
        return std::unexpected(application.error());
    if (application->state != RevocationState::Submitted)
        return coreError(CoreErrorKind::Conflict, QStringLiteral("revocation application #%1 is %2, not submitted")
                                                      .arg(id)
                                                      .arg(revocationStateName(application->state)));
    auto row = m_database.exec(QStringLiteral("SELECT c.certificate_pem, c.chain_pem, e.ca_id FROM certificates c "
                                              "JOIN enrollments e ON e.id = c.enrollment_id WHERE c.id = ?"),
                               {application->certificateId});
    if (!row)
        return std::unexpected(row.error());
    if (!row->next())
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("the certificate of application #%1 is not in the database").arg(id));
    const ossl::X509Ptr certificate = ossl::certificateFromPem(row->value(0).toString().toUtf8());
    const QByteArray chainPem = row->value(1).toString().toUtf8();
    const qint64 caId = row->value(2).toLongLong();
    row->finish();
    if (!certificate)
        return coreError(CoreErrorKind::Database,
                         QStringLiteral("the certificate of application #%1 is damaged in the database").arg(id));
    // Signed by the certificate's own issuer (the chain checked when the certificate came): a CRL or an OCSP
    // answer from anyone else proves nothing.
    const X509* issuer = nullptr;
    const std::vector<ossl::X509Ptr> chain = ossl::certificatesFrom(chainPem);
    for (const ossl::X509Ptr& candidate : chain) {
        if (X509_NAME_cmp(X509_get_subject_name(candidate.get()), X509_get_issuer_name(certificate.get())) == 0 &&
            X509_verify(certificate.get(), X509_get0_pubkey(candidate.get())) == 1)
            issuer = candidate.get();
    }
    if (!issuer)
        return coreError(
            CoreErrorKind::Database,
            QStringLiteral("the issuer of the certificate of application #%1 is not kept with it").arg(id));

    // The CA's word: the CRL file its operator gave, else its OCSP responder where it has one, else its CRL.
    QByteArray crlBytes;
    QString source;
    if (!crlFile.isEmpty()) {
        QFile file(crlFile);
        if (!file.open(QIODevice::ReadOnly))
            return coreError(CoreErrorKind::Io, QStringLiteral("cannot read the CRL file %1").arg(crlFile));
        crlBytes = file.read(16 * 1024 * 1024);
        source = QStringLiteral("the CRL file %1").arg(QFileInfo(crlFile).fileName());
    } else {
        auto config = connectors.find(caId);
        if (!config)
            return std::unexpected(config.error());
        const QString responder =
            ocsp::responderFor(certificate.get(), config->settings.value(QStringLiteral("ocspUrl")).toString());
        if (!responder.isEmpty()) {
            auto answer = ocsp::ask(responder, certificate.get(), issuer);
            if (!answer)
                return std::unexpected(answer.error());
            if (answer->status != ocsp::Status::Revoked)
                return coreError(CoreErrorKind::Conflict,
                                 QStringLiteral("the OCSP responder at %1 says the certificate %2 is %3 (answer of "
                                                "%4): confirm again when the CA has revoked it")
                                     .arg(responder, application->certificateSerialHex,
                                          answer->status == ocsp::Status::Good ? QStringLiteral("still good")
                                                                               : QStringLiteral("unknown to it"),
                                          answer->producedAt));
            return confirmedBy(by, *application,
                               QStringLiteral("the OCSP responder at %1, answer of %2: revoked (%3)")
                                   .arg(responder, answer->producedAt, answer->reason));
        }
        auto connector = connectors.open(*config);
        if (!connector)
            return std::unexpected(connector.error());
        auto fetched = (*connector)->crl();
        if (!fetched)
            return std::unexpected(fetched.error());
        crlBytes = *fetched;
        source = QStringLiteral("the CRL of %1").arg(config->name);
    }
    const ossl::CrlPtr crl = crlFrom(crlBytes);
    if (!crl)
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("%1 is not a CRL").arg(source));
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuer)) != 0 ||
        X509_CRL_verify(crl.get(), X509_get0_pubkey(issuer)) != 1)
        return coreError(CoreErrorKind::CaRefused,
                         QStringLiteral("%1 is not signed by the certificate's issuer (%2): it proves nothing")
                             .arg(source, ossl::nameText(X509_get_subject_name(issuer))));
    const QString crlDate = ossl::timeText(X509_CRL_get0_lastUpdate(crl.get()));
    X509_REVOKED* entry = nullptr;
    if (X509_CRL_get0_by_serial(crl.get(), &entry, X509_get0_serialNumber(certificate.get())) != 1)
        return coreError(CoreErrorKind::Conflict,
                         QStringLiteral("%1 of %2 does not list the certificate %3 yet: confirm again when the CA "
                                        "has published a newer one")
                             .arg(source, crlDate, application->certificateSerialHex));
    return confirmedBy(by, *application, QStringLiteral("%1 of %2").arg(source, crlDate));
}

CoreResult<RevocationApplication> Revocations::confirmedBy(const Operator& by, const RevocationApplication& application,
                                                           const QString& confirmation) const
{
    if (auto marked = markConfirmed(by, application, confirmation); !marked)
        return std::unexpected(marked.error());
    return find(application.id);
}

CoreStatus Revocations::markConfirmed(const Operator& by, const RevocationApplication& application,
                                      const QString& confirmation) const
{
    const qint64 id = application.id;
    auto done = AuditLog(m_database).change<bool>([&](AuditTrail& trail) -> CoreResult<bool> {
        auto moved = m_database.exec(
            QStringLiteral("UPDATE revocation_requests SET state = 'confirmed', confirmed_at = ?, confirmation = ? "
                           "WHERE id = ? AND state = 'submitted'"),
            {storedNow(), confirmation, id});
        if (!moved)
            return std::unexpected(moved.error());
        if (moved->numRowsAffected() != 1)
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("revocation application #%1 moved on meanwhile: look again").arg(id));
        auto revoked = m_database.exec(QStringLiteral("UPDATE certificates SET status = 'revoked' WHERE id = ?"),
                                       {application.certificateId});
        if (!revoked)
            return std::unexpected(revoked.error());
        auto logged = trail.add({by.name,
                                 QStringLiteral("revocation.confirmed"),
                                 QStringLiteral("revocation"),
                                 QString::number(id),
                                 audit::Ok,
                                 {{QStringLiteral("certificate"), application.certificateSerialHex},
                                  {QStringLiteral("confirmation"), confirmation}}});
        if (!logged)
            return std::unexpected(logged.error());
        return true;
    });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

} // namespace tamga::core
