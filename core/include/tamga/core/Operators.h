// Local operator accounts: clerks and supervisors. Passwords are kept only as salted scrypt hashes. Every
// sign-in failure and every refused action is audited.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/secret/SecretBuffer.h"

#include <QString>

#include <optional>
#include <vector>

namespace tamga::core {

class Database;

enum class Role { Clerk, Supervisor };
QString roleName(Role role);
std::optional<Role> parseRole(const QString& name);

struct Operator {
    qint64 id = 0;
    QString name;
    Role role = Role::Clerk;
};

using Password = SecretBuffer;

class Operators {
public:
    explicit Operators(const Database& database) : m_database(database) {}

    [[nodiscard]] CoreResult<bool> anyExist() const;
    // The operators who may sign in, by name.
    [[nodiscard]] CoreResult<std::vector<Operator>> list() const;

    // Adds an operator. With no operator in the database, `by` may be empty and the new one must be a
    // supervisor (the first sign-in of a fresh desk); after that `by` must be a signed-in supervisor.
    [[nodiscard]] CoreResult<Operator> add(const std::optional<Operator>& by, const QString& name, Role role,
                                           const Password& password) const;

    // The rules `add` applies to a new account's name and password, for a form to check before it writes anything.
    [[nodiscard]] static CoreStatus checkNewAccount(const QString& name, const Password& password);

    // Checks the password. A wrong password or an unknown name is refused (NotSignedIn) and audited.
    [[nodiscard]] CoreResult<Operator> signIn(const QString& name, const Password& password) const;

    // Refuses (NotPermitted) and audits when `who` lacks `needed` for `action`.
    [[nodiscard]] CoreStatus require(const Operator& who, Role needed, const QString& action) const;

    // scrypt hash in the stored form "scrypt$N$r$p$salt$hash" (base64), and its check.
    static QString hashPassword(const Password& password);
    static bool passwordMatches(const Password& password, const QString& stored);

private:
    const Database& m_database;
};

} // namespace tamga::core
