#include "tamga/core/Profile.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Text.h"

#include "tamga/core/AuditLog.h"
#include "tamga/core/Database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

#include <openssl/asn1.h>
#include <openssl/objects.h>

namespace tamga::core {

namespace {

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

const QStringList kKeyUsages{QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation"),
                             QStringLiteral("keyEncipherment"), QStringLiteral("keyAgreement")};
const QStringList kExtendedKeyUsages{QStringLiteral("clientAuth"), QStringLiteral("emailProtection"),
                                     QStringLiteral("codeSigning"), QStringLiteral("msSmartcardLogin")};

bool printable(const QString& value)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9 '()+,\\-./:=?]*$"));
    return allowed.match(value).hasMatch();
}

// Attributes Tamga puts in subjects; C and serialNumber are PrintableString by RFC 5280, the rest
// DirectoryString, sent as UTF8String.
struct AttributeKind {
    int nid;
    int stringType;
};
// RFC 5280's upper bounds (Appendix A.1) for the attributes a profile may use, in characters.
int upperBound(const QString& attribute)
{
    static const QHash<QString, int> bounds{
        {QStringLiteral("C"), 2},      {QStringLiteral("O"), 64},  {QStringLiteral("OU"), 64},
        {QStringLiteral("title"), 64}, {QStringLiteral("SN"), 64}, {QStringLiteral("GN"), 64},
        {QStringLiteral("CN"), 64},    {QStringLiteral("L"), 128}, {QStringLiteral("serialNumber"), 64},
    };
    return bounds.value(attribute, 64);
}

const QHash<QString, AttributeKind>& attributeKinds()
{
    static const QHash<QString, AttributeKind> kinds{
        {QStringLiteral("C"), {NID_countryName, V_ASN1_PRINTABLESTRING}},
        {QStringLiteral("O"), {NID_organizationName, V_ASN1_UTF8STRING}},
        {QStringLiteral("OU"), {NID_organizationalUnitName, V_ASN1_UTF8STRING}},
        {QStringLiteral("title"), {NID_title, V_ASN1_UTF8STRING}},
        {QStringLiteral("SN"), {NID_surname, V_ASN1_UTF8STRING}},
        {QStringLiteral("GN"), {NID_givenName, V_ASN1_UTF8STRING}},
        {QStringLiteral("CN"), {NID_commonName, V_ASN1_UTF8STRING}},
        {QStringLiteral("L"), {NID_localityName, V_ASN1_UTF8STRING}},
        {QStringLiteral("serialNumber"), {NID_serialNumber, V_ASN1_PRINTABLESTRING}},
    };
    return kinds;
}

} // namespace

QString SubjectAttribute::stringTypeName() const
{
    return stringType == V_ASN1_PRINTABLESTRING ? QStringLiteral("PrintableString") : QStringLiteral("UTF8String");
}

QJsonObject CertificateProfile::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("keyType"), QString::fromStdString(keyTypeName(keyType))},
            {QStringLiteral("subject"), toArray(subject)},
            {QStringLiteral("keyUsage"), toArray(keyUsage)},
            {QStringLiteral("extendedKeyUsage"), toArray(extendedKeyUsage)},
            {QStringLiteral("emailInSubjectAltName"), emailInSubjectAltName},
            {QStringLiteral("validityDays"), validityDays}};
}

CoreResult<CertificateProfile> CertificateProfile::fromJson(const QJsonObject& json)
{
    // Strict: a profile decides what goes into people's certificates, so a typo must not silently become a
    // profile without an extended key usage or with the default validity. Every key is known, every value has
    // its type, and each problem names the key.
    auto invalid = [](const QString& why) {
        return coreError(CoreErrorKind::InvalidInput, QStringLiteral("profile: %1").arg(escapedForTerminal(why)));
    };
    static const QStringList known{QStringLiteral("name"),
                                   QStringLiteral("description"),
                                   QStringLiteral("keyType"),
                                   QStringLiteral("subject"),
                                   QStringLiteral("keyUsage"),
                                   QStringLiteral("extendedKeyUsage"),
                                   QStringLiteral("emailInSubjectAltName"),
                                   QStringLiteral("validityDays")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(
                QStringLiteral("unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    }
    auto stringList = [&](const QString& key, bool required) -> CoreResult<QStringList> {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() && !required)
            return QStringList();
        if (!value.isArray())
            return invalid(QStringLiteral("\"%1\" must be an array of strings").arg(key));
        QStringList list;
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString())
                return invalid(QStringLiteral("\"%1\" must be an array of strings").arg(key));
            list << item.toString();
        }
        return list;
    };
    auto text = [&](const QString& key, int maxLength, bool required) -> CoreResult<QString> {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() && !required)
            return QString();
        if (!value.isString())
            return invalid(QStringLiteral("\"%1\" must be a string").arg(key));
        if (auto problem = textProblem(QStringLiteral("\"%1\"").arg(key), value.toString(), maxLength))
            return invalid(*problem);
        return value.toString();
    };

    CertificateProfile p;
    auto name = text(QStringLiteral("name"), 64, true);
    if (!name)
        return std::unexpected(name.error());
    p.name = name->trimmed();
    if (p.name.isEmpty() || p.name.contains(QLatin1Char(' ')))
        return invalid(QStringLiteral("\"name\" must be one word"));
    auto description = text(QStringLiteral("description"), 500, false);
    if (!description)
        return std::unexpected(description.error());
    p.description = *description;
    auto keyTypeName = text(QStringLiteral("keyType"), 16, true);
    if (!keyTypeName)
        return std::unexpected(keyTypeName.error());
    const auto keyType = parseKeyType(keyTypeName->toStdString());
    if (!keyType)
        return invalid(QStringLiteral("\"keyType\" must be rsa2048, rsa3072, rsa4096, ec-p256 or ec-p384"));
    p.keyType = *keyType;

    auto subject = stringList(QStringLiteral("subject"), true);
    if (!subject)
        return std::unexpected(subject.error());
    p.subject = *subject;
    if (p.subject.isEmpty())
        return invalid(
            QStringLiteral("\"subject\" must list at least one attribute, e.g. \"CN={surname} {given_name}\""));
    static const QStringList fields{QStringLiteral("organization"),   QStringLiteral("department"),
                                    QStringLiteral("position"),       QStringLiteral("surname"),
                                    QStringLiteral("given_name"),     QStringLiteral("civil_id"),
                                    QStringLiteral("civil_id_latin"), QStringLiteral("email")};
    static const QRegularExpression braces(QStringLiteral("\\{([^{}]*)\\}"));
    QStringList seen;
    for (const QString& entry : p.subject) {
        const QString attribute = entry.section(QLatin1Char('='), 0, 0);
        const QString value = entry.section(QLatin1Char('='), 1);
        if (!entry.contains(QLatin1Char('=')) || !attributeKinds().contains(attribute))
            return invalid(QStringLiteral("subject entry \"%1\" is not ATTR=template with a known attribute (%2)")
                               .arg(entry, QStringList(attributeKinds().keys()).join(QStringLiteral(", "))));
        if (auto problem = textProblem(QStringLiteral("subject entry \"%1\"").arg(attribute), entry, 256))
            return invalid(*problem);
        // Every {field} is one the desk fills in; anything else in braces ({SURNAME}, {password}) is refused
        // rather than written into a certificate as it is.
        for (auto it = braces.globalMatch(value); it.hasNext();) {
            const QString field = it.next().captured(1);
            if (!fields.contains(field))
                return invalid(QStringLiteral("subject entry \"%1\": unknown field {%2} (fields: %3)")
                                   .arg(entry, field, fields.join(QStringLiteral(", "))));
        }
        if (value.count(QLatin1Char('{')) != value.count(QLatin1Char('}')))
            return invalid(QStringLiteral("subject entry \"%1\": unbalanced braces").arg(entry));
        if (attribute == QStringLiteral("C") && value != QStringLiteral("MN") &&
            !QRegularExpression(QStringLiteral("^[A-Z]{2}$")).match(value).hasMatch())
            return invalid(QStringLiteral("subject entry \"%1\": C is a two-letter country code (MN)").arg(entry));
        if (attribute != QStringLiteral("OU") && seen.contains(attribute))
            return invalid(QStringLiteral("subject attribute %1 is listed twice").arg(attribute));
        seen << attribute;
    }
    auto keyUsage = stringList(QStringLiteral("keyUsage"), true);
    if (!keyUsage)
        return std::unexpected(keyUsage.error());
    p.keyUsage = *keyUsage;
    for (const QString& usage : p.keyUsage) {
        if (!kKeyUsages.contains(usage))
            return invalid(
                QStringLiteral("unknown key usage \"%1\" (%2)").arg(usage, kKeyUsages.join(QStringLiteral(", "))));
    }
    if (p.keyUsage.isEmpty())
        return invalid(QStringLiteral("\"keyUsage\" must name at least one usage"));
    auto extendedKeyUsage = stringList(QStringLiteral("extendedKeyUsage"), false);
    if (!extendedKeyUsage)
        return std::unexpected(extendedKeyUsage.error());
    p.extendedKeyUsage = *extendedKeyUsage;
    for (const QString& usage : p.extendedKeyUsage) {
        if (!kExtendedKeyUsages.contains(usage))
            return invalid(QStringLiteral("unknown extended key usage \"%1\" (%2)")
                               .arg(usage, kExtendedKeyUsages.join(QStringLiteral(", "))));
    }
    const QJsonValue email = json.value(QStringLiteral("emailInSubjectAltName"));
    if (!email.isUndefined() && !email.isBool())
        return invalid(QStringLiteral("\"emailInSubjectAltName\" must be true or false"));
    p.emailInSubjectAltName = email.toBool(true);
    const QJsonValue validity = json.value(QStringLiteral("validityDays"));
    if (!validity.isUndefined()) {
        // The range first: converting a double outside int's range (1e300) to int is undefined behaviour (found
        // by the profile fuzzer under UBSan).
        const double days = validity.toDouble(-1);
        if (!validity.isDouble() || !(days >= 1 && days <= 3650) || days != std::floor(days))
            return invalid(QStringLiteral("\"validityDays\" must be a whole number of days from 1 to 3650"));
        p.validityDays = static_cast<int>(days);
    }
    return p;
}

std::vector<CertificateProfile> builtinProfiles()
{
    const QStringList subject{
        QStringLiteral("C=MN"),
        QStringLiteral("O={organization}"),
        QStringLiteral("OU={department}"),
        QStringLiteral("title={position}"),
        QStringLiteral("SN={surname}"),
        QStringLiteral("GN={given_name}"),
        QStringLiteral("CN={surname} {given_name}"),
        QStringLiteral("serialNumber=PNOMN-{civil_id_latin}"),
    };
    CertificateProfile signing;
    signing.name = QStringLiteral("signing");
    signing.description = QStringLiteral("Digital signature of documents (non-repudiation)");
    signing.keyType = KeyType::EcP256;
    signing.subject = subject;
    signing.keyUsage = {QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation")};
    signing.validityDays = 730;

    CertificateProfile authentication;
    authentication.name = QStringLiteral("authentication");
    authentication.description = QStringLiteral("Sign-in to systems and protected e-mail");
    authentication.keyType = KeyType::EcP256;
    authentication.subject = subject;
    authentication.keyUsage = {QStringLiteral("digitalSignature")};
    authentication.extendedKeyUsage = {QStringLiteral("clientAuth"), QStringLiteral("emailProtection")};
    authentication.validityDays = 730;
    return {signing, authentication};
}

QString transliterateCivilIdLetters(const QString& letters)
{
    // Mongolian Cyrillic capitals -> Latin, after MNS 5217:2012 with choices that keep every pair of letters
    // distinct once written together (Ц -> C so that Т+С stays TS; Ө -> OE and Ү -> UE because Е is YE;
    // Ы -> YY so that Ю (YU) and Ы+У differ; Щ -> SHH so that Ш+Ч stays SHCH; Э -> EH; Ъ -> QH; Ь -> QI).
    static const QHash<QChar, QString> table{
        {QChar(0x0410), QStringLiteral("A")},   {QChar(0x0411), QStringLiteral("B")},
        {QChar(0x0412), QStringLiteral("V")},   {QChar(0x0413), QStringLiteral("G")},
        {QChar(0x0414), QStringLiteral("D")},   {QChar(0x0415), QStringLiteral("YE")},
        {QChar(0x0401), QStringLiteral("YO")},  {QChar(0x0416), QStringLiteral("ZH")},
        {QChar(0x0417), QStringLiteral("Z")},   {QChar(0x0418), QStringLiteral("I")},
        {QChar(0x0419), QStringLiteral("J")},   {QChar(0x041A), QStringLiteral("K")},
        {QChar(0x041B), QStringLiteral("L")},   {QChar(0x041C), QStringLiteral("M")},
        {QChar(0x041D), QStringLiteral("N")},   {QChar(0x041E), QStringLiteral("O")},
        {QChar(0x04E8), QStringLiteral("OE")},  {QChar(0x041F), QStringLiteral("P")},
        {QChar(0x0420), QStringLiteral("R")},   {QChar(0x0421), QStringLiteral("S")},
        {QChar(0x0422), QStringLiteral("T")},   {QChar(0x0423), QStringLiteral("U")},
        {QChar(0x04AE), QStringLiteral("UE")},  {QChar(0x0424), QStringLiteral("F")},
        {QChar(0x0425), QStringLiteral("KH")},  {QChar(0x0426), QStringLiteral("C")},
        {QChar(0x0427), QStringLiteral("CH")},  {QChar(0x0428), QStringLiteral("SH")},
        {QChar(0x0429), QStringLiteral("SHH")}, {QChar(0x042A), QStringLiteral("QH")},
        {QChar(0x042B), QStringLiteral("YY")},  {QChar(0x042C), QStringLiteral("QI")},
        {QChar(0x042D), QStringLiteral("EH")},  {QChar(0x042E), QStringLiteral("YU")},
        {QChar(0x042F), QStringLiteral("YA")},
    };
    QString latin;
    for (QChar c : letters)
        latin += table.value(c, QString(c));
    return latin;
}

QString civilIdForSerialNumber(const QString& civilId)
{
    return QStringLiteral("PNOMN-") + transliterateCivilIdLetters(civilId.left(2)) + civilId.mid(2);
}

CoreResult<RequestedSubject> buildSubject(const CertificateProfile& profile, const Officer& officer)
{
    const OfficerFields& f = officer.fields;
    const QHash<QString, QString> fields{
        {QStringLiteral("organization"), officer.organizationName},
        {QStringLiteral("department"), f.department},
        {QStringLiteral("position"), f.position},
        {QStringLiteral("surname"), f.surname},
        {QStringLiteral("given_name"), f.givenName},
        {QStringLiteral("civil_id"), f.civilId},
        {QStringLiteral("civil_id_latin"), transliterateCivilIdLetters(f.civilId.left(2)) + f.civilId.mid(2)},
        {QStringLiteral("email"), f.email},
    };
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    RequestedSubject subject;
    for (const QString& entry : profile.subject) {
        const QString name = entry.section(QLatin1Char('='), 0, 0);
        const QString value = entry.section(QLatin1Char('='), 1);
        auto it = placeholder.globalMatch(value);
        QString expanded;
        qsizetype last = 0;
        while (it.hasNext()) {
            const auto match = it.next();
            const QString field = match.captured(1);
            if (!fields.contains(field)) {
                return coreError(CoreErrorKind::InvalidInput,
                                 QStringLiteral("profile %1: unknown field {%2}").arg(profile.name, field));
            }
            expanded += value.mid(last, match.capturedStart() - last) + fields.value(field);
            last = match.capturedEnd();
        }
        expanded += value.mid(last);
        expanded = expanded.normalized(QString::NormalizationForm_C).simplified();
        if (expanded.isEmpty())
            continue; // an optional field left empty (no department): the attribute is left out
        const AttributeKind kind = attributeKinds().value(name);
        if (auto problem = textProblem(name, expanded, upperBound(name))) {
            return coreError(CoreErrorKind::InvalidInput,
                             QStringLiteral("the certificate's %1 cannot be made: %2 (RFC 5280)")
                                 .arg(name, escapedForTerminal(*problem)));
        }
        if (kind.stringType == V_ASN1_PRINTABLESTRING && !printable(expanded)) {
            return coreError(CoreErrorKind::InvalidInput,
                             QStringLiteral("%1=\"%2\" cannot be written as a PrintableString").arg(name, expanded));
        }
        subject.attributes.push_back({name, kind.nid, kind.stringType, expanded});
    }
    if (subject.attributes.empty()) {
        return coreError(
            CoreErrorKind::InvalidInput,
            QStringLiteral("profile %1 gives %2 %3 an empty subject (its fields are empty for this officer)")
                .arg(profile.name, f.surname, f.givenName));
    }
    if (profile.emailInSubjectAltName)
        subject.email = f.email;
    return subject;
}

CoreResult<std::vector<CertificateProfile>> Profiles::list() const
{
    auto query =
        m_database.exec(QStringLiteral("SELECT definition FROM certificate_profiles ORDER BY builtin DESC, name"));
    if (!query)
        return std::unexpected(query.error());
    std::vector<CertificateProfile> result;
    while (query->next()) {
        auto profile =
            CertificateProfile::fromJson(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object());
        if (profile)
            result.push_back(*profile);
    }
    if (auto complete = Database::readToEnd(*query); !complete)
        return std::unexpected(complete.error());
    return result;
}

CoreResult<CertificateProfile> Profiles::find(const QString& name) const
{
    auto query = m_database.exec(QStringLiteral("SELECT definition FROM certificate_profiles WHERE name = ?"), {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no certificate profile \"%1\"").arg(name));
    const QString definition = query->value(0).toString();
    query->finish();
    return CertificateProfile::fromJson(QJsonDocument::fromJson(definition.toUtf8()).object());
}

CoreResult<qint64> Profiles::idOf(const QString& name) const
{
    auto query = m_database.exec(QStringLiteral("SELECT id FROM certificate_profiles WHERE name = ?"), {name});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return coreError(CoreErrorKind::NotFound, QStringLiteral("there is no certificate profile \"%1\"").arg(name));
    return query->value(0).toLongLong();
}

CoreResult<qint64> Profiles::add(const Operator& by, const CertificateProfile& profile) const
{
    // What goes into certificates is a supervisor's decision.
    if (auto allowed = Operators(m_database).require(by, Role::Supervisor, QStringLiteral("profile.add")); !allowed)
        return std::unexpected(allowed.error());
    return AuditLog(m_database).change<qint64>([&](AuditTrail& trail) -> CoreResult<qint64> {
        auto existing = idOf(profile.name);
        if (existing)
            return coreError(CoreErrorKind::Conflict,
                             QStringLiteral("a profile named %1 exists already").arg(profile.name));
        const QString definition = QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact));
        auto inserted = m_database.exec(
            QStringLiteral(
                "INSERT INTO certificate_profiles (name, definition, builtin, created_at) VALUES (?, ?, 0, ?)"),
            {profile.name, definition, storedNow()});
        if (!inserted)
            return std::unexpected(inserted.error());
        const qint64 id = inserted->lastInsertId().toLongLong();
        auto logged = trail.add({by.name, QStringLiteral("profile.add"), QStringLiteral("profile"), QString::number(id),
                                 audit::Ok, profile.toJson()});
        if (!logged)
            return std::unexpected(logged.error());
        return id;
    });
}

} // namespace tamga::core
