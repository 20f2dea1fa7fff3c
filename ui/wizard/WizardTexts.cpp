// Texts the wizard's pages share: the desk's PIN policy and one-sentence error headlines.
#include "EnrollmentWizard.h"

#include "tamga/core/CoreError.h"

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

QString errorHeadline(core::CoreErrorKind kind, core::TokenErrorKind tokenErrorKind)
{
    if (kind == core::CoreErrorKind::Token) {
        switch (tokenErrorKind) {
        case core::TokenErrorKind::WrongPin:
            return QCoreApplication::translate("EnrollmentWizard", "The PIN is wrong.");
        case core::TokenErrorKind::PinLocked:
            return QCoreApplication::translate("EnrollmentWizard", "The PIN is blocked: a supervisor must unblock it.");
        case core::TokenErrorKind::TokenRemoved:
            return QCoreApplication::translate("EnrollmentWizard",
                                               "The token was removed. Plug it in again and press Try again.");
        case core::TokenErrorKind::TokenNotFound:
            return QCoreApplication::translate("EnrollmentWizard", "The token is not plugged in.");
        case core::TokenErrorKind::AmbiguousToken:
            return QCoreApplication::translate(
                "EnrollmentWizard", "Two plugged-in tokens cannot be told apart. Leave only one plugged in.");
        case core::TokenErrorKind::MemoryFull:
            return QCoreApplication::translate("EnrollmentWizard", "The token is full.");
        case core::TokenErrorKind::MechanismNotSupported:
        case core::TokenErrorKind::KeySizeNotSupported:
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
