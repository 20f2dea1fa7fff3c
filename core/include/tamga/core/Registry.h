// The registry: organizations and their officers (the applicants who receive tokens). Every change is one
// transaction with its audit event. Text is stored NFC-normalized.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Operators.h"

#include <QString>

#include <optional>
#include <vector>

namespace tamga::core {

class Database;

struct Organization {
    qint64 id = 0;
    QString name;
    QString registerNo; // seven digits, or empty
    std::optional<qint64> parentId;
};

struct OfficerFields {
    qint64 organizationId = 0;
    QString surname;   // овог
    QString givenName; // нэр
    QString civilId;   // регистрийн дугаар
    QString position;
    QString department{}; // optional fields: may be left out of an initializer
    QString email{};
    QString phone{};
    bool operator==(const OfficerFields&) const = default;
};

struct Officer {
    qint64 id = 0;
    QString organizationName;
    OfficerFields fields;
};

// One field that failed validation: which and why.
struct FieldProblem {
    QString field; // e.g. "civil_id"
    QString reason;
};

class Registry {
public:
    explicit Registry(const Database& database) : m_database(database) {}

    [[nodiscard]] CoreResult<qint64> addOrganization(const Operator& by, const QString& name, const QString& registerNo,
                                                     std::optional<qint64> parentId) const;
    [[nodiscard]] CoreResult<std::vector<Organization>> organizations() const;
    [[nodiscard]] CoreResult<Organization> organization(qint64 id) const;

    [[nodiscard]] CoreResult<qint64> addOfficer(const Operator& by, const OfficerFields& fields) const;
    // Changes an officer's record (the civil ID stays: it is who the officer is); audited with what changed.
    [[nodiscard]] CoreStatus updateOfficer(const Operator& by, qint64 id, const OfficerFields& fields) const;
    [[nodiscard]] CoreResult<Officer> officer(qint64 id) const;
    // Officers of one organization or all, whose names, civil ID or organization contain every word of `search`
    // in any order (Cyrillic or Latin letters in their usual spellings, any case; a word of one or two characters
    // matches the start of a word). At most `limit` (the first registered), sorted by surname and given name.
    [[nodiscard]] CoreResult<std::vector<Officer>> officers(std::optional<qint64> organizationId, const QString& search,
                                                            int limit = 200) const;

    // Normalizes and checks an officer's fields (not the organization); every problem, not just the first.
    static std::vector<FieldProblem> normalizeOfficer(OfficerFields& fields);
    static std::optional<QString> registerNoProblem(const QString& registerNo);
    // The text officer search looks in.
    static QString searchTextOf(const OfficerFields& fields, const QString& organizationName);

private:
    const Database& m_database;
};

} // namespace tamga::core
