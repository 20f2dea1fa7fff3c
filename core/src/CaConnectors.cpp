#include "Connectors.h"
#include "Ossl.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"

#include <QJsonDocument>

namespace tamga::core {

bool isRevocationReason(const QString& reason)
{
    static const QStringList reasons{QStringLiteral("unspecified"),          QStringLiteral("keyCompromise"),
                                     QStringLiteral("affiliationChanged"),   QStringLiteral("superseded"),
                                     QStringLiteral("cessationOfOperation"), QStringLiteral("certificateHold"),
                                     QStringLiteral("privilegeWithdrawn")};
    return reasons.contains(reason);
}

namespace {

CaConfig configFrom(const QSqlQuery& q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()};
}

const QString kSelect = QStringLiteral("SELECT id, name, type, settings FROM ca_connectors ");

} // namespace

CoreResult<qint64> CaConnectors::add(const Operator& by, const CaConfig& config) const
{
    // Where the desk's requests go is a supervisor's decision.
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("ca.add")); !allowed)
        return std::unexpected(allowed.error());
    static const QStringList types{QStringLiteral("practice"), QStringLiteral("cmp"), QStringLiteral("cfssl"),
                                   QStringLiteral("files")};
    if (config.name.trimmed().isEmpty() || config.name.contains(QLatin1Char(' ')))
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("a CA's name must be one word"));
    if (!types.contains(config.type))
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("unknown CA type \"%1\" (practice, cmp, cfssl, files)").arg(config.type));
    // Refuse settings that cannot work before storing them.
    if (auto connector = open(config); !connector)
        return std::unexpected(connector.error());
    if (auto existing = find(config.name))
        return coreError(CoreErrorKind::Conflict, QStringLiteral("a CA named %1 exists already").arg(config.name));

    // The practice CA's root becomes a trust anchor at once: nothing it issues would pass the checks otherwise.
    QByteArray practiceRoot;
    if (config.type == QStringLiteral("practice")) {
        auto root = practiceCaRoot(m_dataDir);
        if (!root)
            return std::unexpected(root.error());
        practiceRoot = *root;
    }
    const QString settings = QString::fromUtf8(QJsonDocument(config.settings).toJson(QJsonDocument::Compact));
    auto id = AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO ca_connectors (name, type, settings, created_at) VALUES (?, ?, ?, ?)"),
            {config.name, config.type, settings, storedNow()});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 newId = inserted->lastInsertId().toLongLong();
        auto logged = trail.add({by.name,
                                 QStringLiteral("ca.add"),
                                 QStringLiteral("ca"),
                                 QString::number(newId),
                                 audit::Ok,
                                 {{QStringLiteral("name"), config.name},
                                  {QStringLiteral("type"), config.type},
                                  {QStringLiteral("settings"), config.settings}}});
        if (!logged)
            return std::unexpected(logged.error());
        return newId;
    });
    if (!id)
        return id;
    if (!practiceRoot.isEmpty()) {
        if (auto added = TrustAnchors(m_database).add(by, practiceRoot); !added)
            return std::unexpected(added.error());
    }
    return id;
}

CoreResult<std::vector<CaConfig>> CaConnectors::list() const
{
    auto query = m_database.exec(kSelect + QStringLiteral("ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<CaConfig> result;
    while (query->next())
        result.push_back(configFrom(*query));
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

CoreResult<CaConfig> CaConnectors::find(const QString& name) const
{
    auto query = m_database.exec(kSelect + QStringLiteral("WHERE name = ?"), {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound,
                         QStringLiteral("there is no CA named \"%1\" (tamga-cli ca list)").arg(name));
    CaConfig config = configFrom(*query);
    query->finish();
    return config;
}

CoreResult<CaConfig> CaConnectors::find(qint64 id) const
{
    auto query = m_database.exec(kSelect + QStringLiteral("WHERE id = ?"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no CA #%1").arg(id));
    CaConfig config = configFrom(*query);
    query->finish();
    return config;
}

CoreResult<std::unique_ptr<CaConnector>> CaConnectors::open(const CaConfig& config) const
{
    if (config.type == QStringLiteral("practice"))
        return makePracticeCa(m_dataDir);
    if (config.type == QStringLiteral("files"))
        return makeFilesCa(config.settings);
    if (config.type == QStringLiteral("cfssl"))
        return makeCfsslCa(config.settings);
    if (config.type == QStringLiteral("cmp"))
        return makeCmpCa(config.settings);
    return coreError(CoreErrorKind::InvalidInput, QStringLiteral("unknown CA type \"%1\"").arg(config.type));
}

CoreResult<int> TrustAnchors::add(const Operator& by, const QByteArray& pem) const
{
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("trust.add")); !allowed)
        return std::unexpected(allowed.error());
    const auto certificates = ossl::certificatesFrom(pem);
    if (certificates.empty())
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("no certificate was found in the file"));
    for (const auto& certificate : certificates) {
        if (!X509_check_ca(certificate.get())) {
            return coreError(CoreErrorKind::InvalidInput,
                             QStringLiteral("%1 is not a CA certificate")
                                 .arg(ossl::nameText(X509_get_subject_name(certificate.get()))));
        }
    }
    return AuditLog(m_database).change<int>([&](AuditTrail& trail) -> CoreResult<int> {
        int added = 0;
        for (const auto& certificate : certificates) {
            const QString fingerprint = ossl::fingerprintSha256(certificate.get());
            auto existing = m_database.exec(QStringLiteral("SELECT id FROM trust_anchors WHERE fingerprint_sha256 = ?"),
                                            {fingerprint});
            if (!existing)
                return std::unexpected(existing.error());
            const bool known = existing->next();
            existing->finish();
            if (known)
                continue;
            const QString subject = ossl::nameText(X509_get_subject_name(certificate.get()));
            auto inserted = m_database.exec(
                QStringLiteral("INSERT INTO trust_anchors (subject, fingerprint_sha256, "
                               "certificate_pem, added_at) VALUES (?, ?, ?, ?)"),
                {subject, fingerprint, QString::fromLatin1(ossl::pemOf(certificate.get())), storedNow()});
            if (!inserted)
                return std::unexpected(inserted.error());
            auto logged = trail.add({by.name,
                                     QStringLiteral("trust.add"),
                                     QStringLiteral("trust_anchor"),
                                     fingerprint,
                                     audit::Ok,
                                     {{QStringLiteral("subject"), subject}}});
            if (!logged)
                return std::unexpected(logged.error());
            ++added;
        }
        if (added == 0)
            trail.unchanged(); // every certificate was a trust anchor already
        return added;
    });
}

CoreResult<QList<QByteArray>> TrustAnchors::allDer() const
{
    auto query = m_database.exec(QStringLiteral("SELECT certificate_pem FROM trust_anchors ORDER BY id"));
    if (!query)
        return std::unexpected(query.error());
    QList<QByteArray> result;
    while (query->next()) {
        if (auto certificate = ossl::certificateFromPem(query->value(0).toString().toLatin1()))
            result << ossl::derOf(certificate.get());
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

CoreResult<std::vector<TrustAnchors::Anchor>> TrustAnchors::list() const
{
    auto query =
        m_database.exec(QStringLiteral("SELECT id, subject, fingerprint_sha256 FROM trust_anchors ORDER BY id"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<Anchor> result;
    while (query->next())
        result.push_back({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()});
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

} // namespace tamga::core
