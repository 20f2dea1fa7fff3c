#include "tamga/core/Settings.h"
#include "tamga/core/Operators.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"

#include <QJsonObject>
#include <QSettings>

namespace tamga::core {

CoreResult<std::optional<qint64>> Settings::manifestSigner() const
{
    auto configured = value(setting::ManifestSigner);
    if (!configured)
        return std::unexpected(configured.error());
    bool numbered = false;
    const qint64 enrollment = configured->value_or(QString()).toLongLong(&numbered);
    return numbered && enrollment > 0 ? std::optional<qint64>(enrollment) : std::nullopt;
}

namespace {

QString deskSettingsFile(const Database& database)
{
    return Database::localFolderOf(database.path()) + QStringLiteral("/desk-settings.ini");
}

} // namespace

bool Settings::isDeskLocal(const QString& key)
{
    return key == setting::Pkcs11Modules || key == setting::Language || key == setting::ManifestSigner;
}

CoreResult<std::optional<QString>> Settings::value(const QString& key) const
{
    if (m_database.shared() && isDeskLocal(key)) {
        const QSettings local(deskSettingsFile(m_database), QSettings::IniFormat);
        if (!local.contains(key))
            return std::optional<QString>();
        return std::optional<QString>(local.value(key).toString());
    }
    auto query = m_database.exec(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!query)
        return std::unexpected(query.error());
    std::optional<QString> result;
    if (query->next())
        result = query->value(0).toString();
    query->finish();
    return result;
}

CoreStatus Settings::setValue(const Operator& by, const QString& key, const QString& value) const
{
    if (key.startsWith(QStringLiteral("audit.")) || key.trimmed().isEmpty())
        return coreError(CoreErrorKind::InvalidInput,
                         QStringLiteral("\"%1\" is not a setting that can be changed").arg(key));
    // A clerk chooses the desk's language; everything else is a supervisor's (the PKCS#11 module setting names a
    // library that every later Tamga process loads and runs).
    if (key != setting::Language) {
        if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("setting.set")); !allowed)
            return allowed;
    }
    return AuditLog(m_database)
        .change({by.name,
                 QStringLiteral("setting.set"),
                 QStringLiteral("setting"),
                 key,
                 audit::Ok,
                 {{QStringLiteral("value"), value}}},
                [&]() -> CoreStatus {
                    if (m_database.shared() && isDeskLocal(key)) {
                        // This PC's own: the event goes into the registry, the value stays here.
                        QSettings local(deskSettingsFile(m_database), QSettings::IniFormat);
                        local.setValue(key, value);
                        local.sync();
                        if (local.status() != QSettings::NoError)
                            return coreError(CoreErrorKind::Io,
                                             QStringLiteral("cannot write %1").arg(deskSettingsFile(m_database)));
                        return {};
                    }
                    auto stored =
                        m_database.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                                        {key, value});
                    if (!stored)
                        return std::unexpected(stored.error());
                    return {};
                });
}

} // namespace tamga::core
