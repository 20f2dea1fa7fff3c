#include "tamga/core/Operators.h"

#include "tamga/core/Text.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"

#include <QJsonObject>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace tamga::core {

namespace {

// scrypt cost: about 0.1 s and 32 MiB on a desk PC; slow enough for a stolen database file.
constexpr std::uint64_t kScryptN = 1u << 15;
constexpr std::uint64_t kScryptR = 8;
constexpr std::uint64_t kScryptP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr int kMinimumPasswordLength = 8;

QByteArray scrypt(const Password& password, const QByteArray& salt, std::uint64_t n, std::uint64_t r, std::uint64_t p)
{
    QByteArray out(static_cast<int>(kHashBytes), '\0');
    if (EVP_PBE_scrypt(password.c_str(), password.size(), reinterpret_cast<const unsigned char*>(salt.constData()),
                       static_cast<std::size_t>(salt.size()), n, r, p, 256ull * 1024 * 1024,
                       reinterpret_cast<unsigned char*>(out.data()), kHashBytes) != 1)
        return {};
    return out;
}

} // namespace

QString roleName(Role role)
{
    return role == Role::Supervisor ? QStringLiteral("supervisor") : QStringLiteral("clerk");
}

std::optional<Role> parseRole(const QString& name)
{
    if (name == QStringLiteral("clerk"))
        return Role::Clerk;
    if (name == QStringLiteral("supervisor"))
        return Role::Supervisor;
    return std::nullopt;
}

QString Operators::hashPassword(const Password& password)
{
    QByteArray salt(static_cast<int>(kSaltBytes), '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(kSaltBytes));
    const QByteArray hash = scrypt(password, salt, kScryptN, kScryptR, kScryptP);
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(kScryptN)
        .arg(kScryptR)
        .arg(kScryptP)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

bool Operators::passwordMatches(const Password& password, const QString& stored)
{
    const QStringList parts = stored.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != QStringLiteral("scrypt"))
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[4].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[5].toLatin1());
    const QByteArray actual =
        scrypt(password, salt, parts[1].toULongLong(), parts[2].toULongLong(), parts[3].toULongLong());
    return !actual.isEmpty() && actual.size() == expected.size() &&
           CRYPTO_memcmp(actual.constData(), expected.constData(), static_cast<std::size_t>(actual.size())) == 0;
}

CoreResult<bool> Operators::anyExist() const
{
    auto query = m_database.exec(QStringLiteral("SELECT count(*) FROM operators"));
    if (!query)
        return std::unexpected(query.error());
    return query->next() && query->value(0).toLongLong() > 0;
}

CoreResult<std::vector<Operator>> Operators::list() const
{
    auto query =
        m_database.exec(QStringLiteral("SELECT id, name, role FROM operators WHERE disabled = 0 ORDER BY name"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<Operator> operators;
    while (query->next()) {
        operators.push_back({query->value(0).toLongLong(), query->value(1).toString(),
                             parseRole(query->value(2).toString()).value_or(Role::Clerk)});
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return operators;
}

CoreStatus Operators::checkNewAccount(const QString& name, const Password& password)
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty() || trimmedName.contains(QLatin1Char(' ')))
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("an operator name must be one word"));
    if (auto problem = textProblem(QStringLiteral("the operator name"), trimmedName, 64))
        return coreError(CoreErrorKind::InvalidInput, escapedForTerminal(*problem));
    if (static_cast<int>(password.size()) < kMinimumPasswordLength) {
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("the password must be at least %1 characters long").arg(kMinimumPasswordLength));
    }
    return {};
}

CoreResult<Operator> Operators::add(const std::optional<Operator>& by, const QString& name, Role role,
                                    const Password& password) const
{
    if (auto acceptable = checkNewAccount(name, password); !acceptable)
        return std::unexpected(acceptable.error());
    const QString trimmedName = name.trimmed();
    auto exist = anyExist();
    if (!exist)
        return std::unexpected(exist.error());
    if (!*exist) {
        if (role != Role::Supervisor) {
            return coreError(CoreErrorKind::InvalidInput,
                             QStringLiteral("the first operator of a desk must be a supervisor"));
        }
    } else {
        if (!by)
            return coreError(CoreErrorKind::NotSignedIn,
                             QStringLiteral("adding an operator needs a supervisor's sign-in"));
        if (auto allowed = require(*by, Role::Supervisor, QStringLiteral("operator.add")); !allowed)
            return std::unexpected(allowed.error());
    }

    const QString hash = hashPassword(password);
    return AuditLog(m_database).change<Operator>([&](AuditTrail& trail) -> CoreResult<Operator> {
        auto existing = m_database.exec(QStringLiteral("SELECT id FROM operators WHERE name = ?"), {trimmedName});
        if (!existing)
            return std::unexpected(existing.error());
        if (existing->next())
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("an operator named %1 exists already").arg(trimmedName));
        existing->finish();
        auto inserted = m_database.exec(
            QStringLiteral("INSERT INTO operators (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)"),
            {trimmedName, roleName(role), hash, storedNow()});
        if (!inserted)
            return std::unexpected(inserted.error());
        Operator created{inserted->lastInsertId().toLongLong(), trimmedName, role};
        const QString author = by ? by->name : trimmedName;
        auto logged = trail.add({author,
                                 QStringLiteral("operator.add"),
                                 QStringLiteral("operator"),
                                 QString::number(created.id),
                                 audit::Ok,
                                 {{QStringLiteral("name"), trimmedName},
                                  {QStringLiteral("role"), roleName(role)},
                                  {QStringLiteral("first"), !by.has_value()}}});
        if (!logged)
            return std::unexpected(logged.error());
        return created;
    });
}

CoreResult<Operator> Operators::signIn(const QString& name, const Password& password) const
{
    auto query = m_database.exec(
        QStringLiteral("SELECT id, name, role, password_hash, disabled FROM operators WHERE name = ?"), {name});
    if (!query)
        return std::unexpected(query.error());
    std::optional<Operator> found;
    QString storedHash;
    bool disabled = false;
    if (query->next()) {
        found = Operator{query->value(0).toLongLong(), query->value(1).toString(),
                         parseRole(query->value(2).toString()).value_or(Role::Clerk)};
        storedHash = query->value(3).toString();
        disabled = query->value(4).toInt() != 0;
    }
    query->finish();
    // An unknown name costs as much time as a wrong password, so names cannot be probed by timing.
    const bool matches = passwordMatches(password, found ? storedHash : hashPassword(password) + QStringLiteral("x"));
    if (found && matches && !disabled)
        return *found;

    const QString reason = !found     ? QStringLiteral("unknown operator")
                           : disabled ? QStringLiteral("operator disabled")
                                      : QStringLiteral("wrong password");
    // The name tried is whatever was typed or given on a command line: it is kept escaped and cut, so that it can
    // neither forge a line of the audit log nor fill it.
    const QString triedName = escapedForTerminal(name.left(64));
    auto logged = AuditLog(m_database)
                      .record({triedName,
                               QStringLiteral("operator.sign_in"),
                               QStringLiteral("operator"),
                               triedName,
                               audit::Refused,
                               {{QStringLiteral("reason"), reason}}});
    if (!logged)
        return std::unexpected(logged.error());
    return coreError(CoreErrorKind::NotSignedIn,
                     QStringLiteral("sign-in refused for operator %1: wrong name or password").arg(triedName));
}

CoreStatus Operators::require(const Operator& who, Role needed, const QString& action) const
{
    if (needed == Role::Clerk || who.role == Role::Supervisor)
        return {};
    auto logged = AuditLog(m_database)
                      .record({who.name,
                               action,
                               QStringLiteral("operator"),
                               who.name,
                               audit::Refused,
                               {{QStringLiteral("reason"), QStringLiteral("needs the supervisor role")}}});
    if (!logged)
        return std::unexpected(logged.error());
    return coreError(CoreErrorKind::NotPermitted,
                     QStringLiteral("%1 is a clerk; %2 needs a supervisor").arg(who.name, action));
}

} // namespace tamga::core
