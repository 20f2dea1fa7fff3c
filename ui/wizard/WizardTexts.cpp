// Texts the wizard's pages share: the desk's PIN policy and one-sentence error headlines.
#include "EnrollmentWizard.h"

#include "tamga/core/CoreError.h"
#include "tamga/pkcs11/Error.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tamga::ui {

QString pinPolicyProblem(const QString& pin, unsigned long minLength, unsigned long maxLength)
{
    if (static_cast<unsigned long>(pin.size()) < minLength || static_cast<unsigned long>(pin.size()) > maxLength)
        return QCoreApplication::translate("EnrollmentWizard", "The PIN must be %1 to %2 digits long.")
            .arg(minLength)
            .arg(maxLength);
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (!digits.match(pin).hasMatch())
        return QCoreApplication::translate("EnrollmentWizard", "The PIN may only contain digits.");
    if (pin.count(pin.front()) == pin.size())
        return QCoreApplication::translate("EnrollmentWizard", "The PIN must not repeat one digit (like 111111).");
    bool ascending = true;
    bool descending = true;
    for (int i = 1; i < pin.size(); ++i) {
        ascending = ascending && pin[i].digitValue() == pin[i - 1].digitValue() + 1;
        descending = descending && pin[i].digitValue() == pin[i - 1].digitValue() - 1;
    }
    if (ascending || descending)
        return QCoreApplication::translate("EnrollmentWizard",
                                           "The PIN must not be a run of consecutive digits (like 123456).");
    return {};
}

QString errorHeadline(int coreErrorKind, int tokenErrorKind)
{
    const auto kind = static_cast<core::CoreErrorKind>(coreErrorKind);
    if (kind == core::CoreErrorKind::Token) {
        switch (static_cast<pkcs11::ErrorKind>(tokenErrorKind)) {
        case pkcs11::ErrorKind::WrongPin:
            return QCoreApplication::translate("EnrollmentWizard", "The PIN is wrong.");
        case pkcs11::ErrorKind::PinLocked:
            return QCoreApplication::translate("EnrollmentWizard", "The PIN is blocked: a supervisor must unblock it.");
        case pkcs11::ErrorKind::TokenRemoved:
            return QCoreApplication::translate("EnrollmentWizard",
                                               "The token was removed. Plug it in again and press Try again.");
        case pkcs11::ErrorKind::TokenNotFound:
            return QCoreApplication::translate("EnrollmentWizard", "The token is not plugged in.");
        case pkcs11::ErrorKind::AmbiguousToken:
            return QCoreApplication::translate(
                "EnrollmentWizard", "Two plugged-in tokens cannot be told apart. Leave only one plugged in.");
        case pkcs11::ErrorKind::MemoryFull:
            return QCoreApplication::translate("EnrollmentWizard", "The token is full.");
        case pkcs11::ErrorKind::MechanismNotSupported:
        case pkcs11::ErrorKind::KeySizeNotSupported:
            return QCoreApplication::translate("EnrollmentWizard", "This token cannot make this kind of key.");
        default:
            return QCoreApplication::translate("EnrollmentWizard", "The token refused the operation.");
        }
    }
    switch (kind) {
    case core::CoreErrorKind::CaUnreachable:
        return QCoreApplication::translate("EnrollmentWizard", "The certification authority cannot be reached.");
    case core::CoreErrorKind::CaRefused:
        return QCoreApplication::translate("EnrollmentWizard", "The certification authority refused the request.");
    case core::CoreErrorKind::CaGarbled:
        return QCoreApplication::translate("EnrollmentWizard",
                                           "The certification authority's answer could not be read.");
    case core::CoreErrorKind::CertificateRejected:
        return QCoreApplication::translate("EnrollmentWizard",
                                           "The certificate from the certification authority failed the checks.");
    case core::CoreErrorKind::Database:
        return QCoreApplication::translate("EnrollmentWizard", "The desk's database could not be written.");
    default:
        return QCoreApplication::translate("EnrollmentWizard", "The enrollment stopped.");
    }
}

} // namespace tamga::ui
