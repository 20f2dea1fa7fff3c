// Certificate profiles as a supervisor imports them (JSON), with their subject templates filled from an
// officer's record. Invariants: a profile that is accepted survives its own JSON unchanged, and a subject built
// from it has no empty attribute and only PrintableString letters where PrintableString is the type.
#include "FuzzSupport.h"

#include "tamga/core/Profile.h"

#include <QJsonDocument>

#include <openssl/asn1.h>

using namespace tamga;

namespace {

bool isPrintableStringText(const QString& value)
{
    static const QString punctuation = QStringLiteral(" '()+,-./:=?");
    for (const QChar c : value) {
        const bool letterOrDigit = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                   (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                   (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (!letterOrDigit && !punctuation.contains(c))
            return false;
    }
    return true;
}

const core::Officer& officer()
{
    static const core::Officer record{1,
                                      QStringLiteral("Нийслэлийн Засаг даргын Тамгын газар"),
                                      {1, QStringLiteral("Цэрэн-Очир"), QStringLiteral("Өлзийбат"),
                                       QStringLiteral("УБ90010112"), QStringLiteral("Ахлах мэргэжилтэн"),
                                       QStringLiteral("Мэдээллийн технологийн хэлтэс"),
                                       QStringLiteral("ulzii@ub.gov.mn"), QStringLiteral("99112233")}};
    return record;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::ensureApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    auto profile = core::CertificateProfile::fromJson(document.object());
    if (!profile) {
        fuzz::require(!profile.error().message.isEmpty(), "a refused profile says why");
        return 0;
    }

    auto again = core::CertificateProfile::fromJson(profile->toJson());
    fuzz::require(again.has_value(), "an accepted profile is accepted again from its own JSON",
                  again ? QString() : again.error().message);
    fuzz::require(again->name == profile->name && again->description == profile->description &&
                      again->keyType == profile->keyType && again->subject == profile->subject &&
                      again->keyUsage == profile->keyUsage && again->extendedKeyUsage == profile->extendedKeyUsage &&
                      again->emailInSubjectAltName == profile->emailInSubjectAltName &&
                      again->validityDays == profile->validityDays,
                  "a profile survives its own JSON unchanged", profile->name);

    auto subject = core::buildSubject(*profile, officer());
    if (!subject) {
        fuzz::require(!subject.error().message.isEmpty(), "a subject that cannot be built says why");
        return 0;
    }
    for (const auto& attribute : subject->attributes) {
        fuzz::require(!attribute.value.isEmpty(), "no empty subject attribute", attribute.shortName);
        if (attribute.stringType == V_ASN1_PRINTABLESTRING)
            fuzz::require(isPrintableStringText(attribute.value), "PrintableString holds only its letters",
                          attribute.shortName + QLatin1Char('=') + attribute.value);
    }
    return 0;
}
