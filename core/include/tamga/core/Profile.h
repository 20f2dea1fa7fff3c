// Certificate profiles: what an enrollment asks the CA for. Stored in the database as JSON; `signing` and
// `authentication` are built in. The subject is a template over the officer's fields.
#pragma once

#include "tamga/core/CoreError.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Tokens.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace tamga::core {

class Database;

struct CertificateProfile {
    QString name;
    QString description;
    KeyType keyType = KeyType::EcP256;
    // "ATTR={template}" in order, e.g. "CN={surname} {given_name}". Fields: organization, department, position,
    // surname, given_name, civil_id, civil_id_latin, email. An attribute whose value comes out empty is left out.
    QStringList subject;
    QStringList keyUsage;         // digitalSignature, nonRepudiation, keyEncipherment, keyAgreement
    QStringList extendedKeyUsage; // clientAuth, emailProtection, codeSigning, ...
    bool emailInSubjectAltName = true;
    int validityDays = 730;

    QJsonObject toJson() const;
    [[nodiscard]] static CoreResult<CertificateProfile> fromJson(const QJsonObject& json);
};

// One attribute of a subject as it will be encoded.
struct SubjectAttribute {
    QString shortName;  // "CN", "serialNumber", ...
    int nid = 0;        // OpenSSL's NID
    int stringType = 0; // V_ASN1_UTF8STRING or V_ASN1_PRINTABLESTRING
    QString value;

    QString stringTypeName() const; // "UTF8String", "PrintableString"
    bool operator==(const SubjectAttribute&) const = default;
};

struct RequestedSubject {
    std::vector<SubjectAttribute> attributes;
    QString email; // for subjectAltName, empty when none
};

// The default profiles shipped with Tamga.
std::vector<CertificateProfile> builtinProfiles();

// The civil ID in PrintableString letters for serialNumber: ETSI EN 319 412-1 natural-person form
// "PNOMN-" + transliterated letters + digits, e.g. УБ90010112 -> PNOMN-UB90010112. The table is injective
// for every pair of letters (a test checks all of them).
QString civilIdForSerialNumber(const QString& civilId);
QString transliterateCivilIdLetters(const QString& letters);

// Fills the profile's subject template with the officer's record. Fails when a value cannot be encoded in its
// string type (PrintableString takes only A-Z a-z 0-9 space ' ( ) + , - . / : = ?).
[[nodiscard]] CoreResult<RequestedSubject> buildSubject(const CertificateProfile& profile, const Officer& officer);

class Profiles {
public:
    explicit Profiles(const Database& database) : m_database(database) {}
    [[nodiscard]] CoreResult<std::vector<CertificateProfile>> list() const;
    [[nodiscard]] CoreResult<CertificateProfile> find(const QString& name) const;
    [[nodiscard]] CoreResult<qint64> add(const Operator& by, const CertificateProfile& profile) const;
    [[nodiscard]] CoreResult<qint64> idOf(const QString& name) const;

private:
    const Database& m_database;
};

} // namespace tamga::core
