// A fresh database (a file in a private folder, or a PostgreSQL database of its own) with a supervisor and a
// clerk, for core tests.
#pragma once

#include "TestSupport.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"
#include "tamga/core/Operators.h"

#include <catch2/catch.hpp>

#include <QSqlQuery>

#include <memory>

// Failed results print their message in test output.
namespace Catch {
template <typename T> struct StringMaker<std::expected<T, tamga::core::CoreError>> {
    static std::string convert(const std::expected<T, tamga::core::CoreError>& value)
    {
        return value ? std::string("ok") : "error: " + value.error().message.toStdString();
    }
};
} // namespace Catch

namespace tamga::test {

class CoreFixture {
public:
    CoreFixture()
    {
        auto opened = core::Database::open(path());
        REQUIRE(opened);
        m_db = std::move(*opened);
        core::Operators operators(*m_db);
        auto supervisor = operators.add(std::nullopt, QStringLiteral("supervisor"), core::Role::Supervisor,
                                        core::Password(kSupervisorPassword));
        REQUIRE(supervisor);
        m_supervisor = *supervisor;
        auto clerk =
            operators.add(m_supervisor, QStringLiteral("clerk"), core::Role::Clerk, core::Password(kClerkPassword));
        REQUIRE(clerk);
        m_clerk = *clerk;
    }

    static constexpr const char* kSupervisorPassword = "Supervisor-pass-1";
    static constexpr const char* kClerkPassword = "Clerk-pass-2";

    // The database's file, or its PostgreSQL URL when the suite runs on PostgreSQL (TestDatabase).
    QString path() const { return QString::fromStdString(m_database.location()); }
    const TempDir& dir() const { return m_dir; }
    const core::Database& db() const { return *m_db; }
    const core::Operator& supervisor() const { return m_supervisor; }
    const core::Operator& clerk() const { return m_clerk; }

    qint64 auditCount() const { return count(QStringLiteral("audit_log")); }
    qint64 count(const QString& table) const
    {
        auto query = m_db->exec(QStringLiteral("SELECT count(*) FROM ") + table);
        REQUIRE(query);
        REQUIRE(query->next());
        return query->value(0).toLongLong();
    }

private:
    TempDir m_dir;
    TestDatabase m_database{m_dir};
    std::unique_ptr<core::Database> m_db;
    core::Operator m_supervisor;
    core::Operator m_clerk;
};

} // namespace tamga::test
