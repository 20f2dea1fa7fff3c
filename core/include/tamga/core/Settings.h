// Workstation settings kept in the database (never secrets): the PKCS#11 modules to use, the language, ...
// On a shared registry the settings of one PC (isDeskLocal: its module, its language, its own token's certificate)
// stay on that PC, in Database::localFolderOf(...)/desk-settings.ini, and only the office's settings go into the
// registry; every change is audited in the registry either way.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QString>

#include <optional>

namespace tamga::core {

class Database;

namespace setting {
// The PKCS#11 module paths the desk uses, separated by ':' (like PATH).
inline const QString Pkcs11Modules = QStringLiteral("pkcs11.modules");
// "1" on a training desk: every screen and receipt says TRAINING.
inline const QString DeskTraining = QStringLiteral("desk.training");
// The desk's language: "mn" or "en" (empty: the system's).
inline const QString Language = QStringLiteral("desk.language");
// The enrollment whose certificate and key (on the desk's own token) sign each sealed bundle for an offline CA
// (BatchExchange's ManifestSigner); empty: bundles are sealed with their SHA-256 alone.
inline const QString ManifestSigner = QStringLiteral("batch.manifest_signer");
// Days before expiry a certificate is listed to be renewed (Renewals.h); a number from 1 to 365.
inline const QString RenewalWindowDays = QStringLiteral("renewal.window_days");
} // namespace setting

class Settings {
public:
    // The settings that belong to one desk PC rather than to the office: they are kept on the PC when several
    // desks share a registry.
    static bool isDeskLocal(const QString& key);

    explicit Settings(const Database& database) : m_database(database) {}

    [[nodiscard]] CoreResult<std::optional<QString>> value(const QString& key) const;
    // setting::ManifestSigner read as the enrollment it names: nothing when it is empty or not a number.
    [[nodiscard]] CoreResult<std::optional<qint64>> manifestSigner() const;
    // Stores the value with its audit event. Keys starting with "audit." belong to the audit log.
    [[nodiscard]] CoreStatus setValue(const Operator& by, const QString& key, const QString& value) const;

private:
    const Database& m_database;
};

} // namespace tamga::core
