#include "DisplayNames.h"

#include <QCoreApplication>
#include <QHash>

namespace tamga::ui {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("DisplayNames", text);
}

} // namespace

QString stateDisplayName(core::EnrollmentState state)
{
    using core::EnrollmentState;
    switch (state) {
    case EnrollmentState::Created:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "started"));
    case EnrollmentState::TokenPrepared:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "token prepared"));
    case EnrollmentState::KeyGenerated:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "key made on the token"));
    case EnrollmentState::RequestBuilt:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "request signed"));
    case EnrollmentState::Submitted:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "waiting for the CA"));
    case EnrollmentState::CertificateReceived:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "certificate received"));
    case EnrollmentState::WrittenToToken:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "certificate written to the token"));
    case EnrollmentState::Verified:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "verified, to be handed over"));
    case EnrollmentState::HandedOver:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "handed over"));
    case EnrollmentState::Failed:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "failed"));
    case EnrollmentState::Cancelled:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "cancelled"));
    }
    return core::stateName(state);
}

QString stockStateDisplayName(core::StockState state)
{
    using core::StockState;
    switch (state) {
    case StockState::InStock:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "in stock"));
    case StockState::Prepared:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "prepared"));
    case StockState::Issued:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "issued"));
    case StockState::Returned:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "returned"));
    case StockState::Lost:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "lost"));
    case StockState::Blocked:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "blocked"));
    case StockState::Wiped:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "wiped, ready again"));
    case StockState::Retired:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "retired"));
    }
    return core::stockStateName(state);
}

QString auditActionDisplayName(const QString& action)
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("operator.add"), QT_TRANSLATE_NOOP("DisplayNames", "operator added")},
        {QStringLiteral("operator.sign_in"), QT_TRANSLATE_NOOP("DisplayNames", "sign-in")},
        {QStringLiteral("operator.refused"),
         QT_TRANSLATE_NOOP("DisplayNames", "action refused to the operator's role")},
        {QStringLiteral("organization.add"), QT_TRANSLATE_NOOP("DisplayNames", "organization added")},
        {QStringLiteral("officer.add"), QT_TRANSLATE_NOOP("DisplayNames", "officer added")},
        {QStringLiteral("officer.update"), QT_TRANSLATE_NOOP("DisplayNames", "officer's record changed")},
        {QStringLiteral("officer.import"), QT_TRANSLATE_NOOP("DisplayNames", "officers imported")},
        {QStringLiteral("setting.set"), QT_TRANSLATE_NOOP("DisplayNames", "setting changed")},
        {QStringLiteral("ca.add"), QT_TRANSLATE_NOOP("DisplayNames", "CA connector added")},
        {QStringLiteral("trust.add"), QT_TRANSLATE_NOOP("DisplayNames", "trust anchor added")},
        {QStringLiteral("profile.add"), QT_TRANSLATE_NOOP("DisplayNames", "certificate profile added")},
        {QStringLiteral("receipt.printed"), QT_TRANSLATE_NOOP("DisplayNames", "receipt printed")},
        {QStringLiteral("batch.export"), QT_TRANSLATE_NOOP("DisplayNames", "requests exported for the CA")},
        {QStringLiteral("batch.import"), QT_TRANSLATE_NOOP("DisplayNames", "certificates imported from the CA")},
        {QStringLiteral("token.initialize"), QT_TRANSLATE_NOOP("DisplayNames", "token initialized")},
        {QStringLiteral("token.erase"), QT_TRANSLATE_NOOP("DisplayNames", "token erased and initialized")},
        {QStringLiteral("token.change_pin"), QT_TRANSLATE_NOOP("DisplayNames", "token PIN changed")},
        {QStringLiteral("token.unblock_pin"), QT_TRANSLATE_NOOP("DisplayNames", "token PIN unblocked")},
        {QStringLiteral("token.generate_key"), QT_TRANSLATE_NOOP("DisplayNames", "key made on a token")},
        {QStringLiteral("token.delete_key"), QT_TRANSLATE_NOOP("DisplayNames", "key deleted from a token")},
        {QStringLiteral("token.retire_renewed_key"),
         QT_TRANSLATE_NOOP("DisplayNames", "old key deleted after a renewal")},
        {QStringLiteral("renewal.start"), QT_TRANSLATE_NOOP("DisplayNames", "renewal started")},
        {QStringLiteral("renewal.complete"), QT_TRANSLATE_NOOP("DisplayNames", "renewal completed")},
    };
    if (auto it = names.constFind(action); it != names.constEnd())
        return translated(*it);
    if (action.startsWith(QStringLiteral("enrollment."))) {
        const QString state = action.mid(static_cast<int>(qstrlen("enrollment.")));
        if (auto parsed = core::parseState(state))
            return QCoreApplication::translate("DisplayNames", "enrollment: %1").arg(stateDisplayName(*parsed));
    }
    return action;
}

QString profileDisplayName(const QString& name)
{
    if (name == QStringLiteral("signing"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "Signing"));
    if (name == QStringLiteral("authentication"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "Authentication"));
    return name;
}

QString revocationStateDisplayName(core::RevocationState state)
{
    using core::RevocationState;
    switch (state) {
    case RevocationState::Received:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "received, awaits a second supervisor"));
    case RevocationState::Approved:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "approved, to be sent to the CA"));
    case RevocationState::Submitted:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "sent, awaits the CA's confirmation"));
    case RevocationState::Confirmed:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "revoked, confirmed by the CA"));
    case RevocationState::Refused:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "refused"));
    case RevocationState::Withdrawn:
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "withdrawn"));
    }
    return {};
}

QString revocationReasonDisplayName(const QString& reason)
{
    static const QHash<QString, const char*> kWords{
        {QStringLiteral("keyCompromise"), QT_TRANSLATE_NOOP("DisplayNames", "key compromised or token lost")},
        {QStringLiteral("affiliationChanged"), QT_TRANSLATE_NOOP("DisplayNames", "left the post or the organization")},
        {QStringLiteral("superseded"), QT_TRANSLATE_NOOP("DisplayNames", "replaced by a new certificate")},
        {QStringLiteral("cessationOfOperation"),
         QT_TRANSLATE_NOOP("DisplayNames", "the organization ceased to operate")},
        {QStringLiteral("privilegeWithdrawn"), QT_TRANSLATE_NOOP("DisplayNames", "signing right withdrawn")},
        {QStringLiteral("certificateHold"), QT_TRANSLATE_NOOP("DisplayNames", "suspended for now")},
        {QStringLiteral("unspecified"), QT_TRANSLATE_NOOP("DisplayNames", "no reason given")},
    };
    const auto found = kWords.constFind(reason);
    return found == kWords.constEnd() ? reason : translated(found.value());
}

QStringList revocationReasonsOffered()
{
    return {QStringLiteral("keyCompromise"),      QStringLiteral("affiliationChanged"),
            QStringLiteral("superseded"),         QStringLiteral("cessationOfOperation"),
            QStringLiteral("privilegeWithdrawn"), QStringLiteral("unspecified")};
}

QString roleDisplayName(core::Role role)
{
    return role == core::Role::Supervisor ? translated(QT_TRANSLATE_NOOP("DisplayNames", "supervisor"))
                                          : translated(QT_TRANSLATE_NOOP("DisplayNames", "clerk"));
}

QString outcomeDisplayName(const QString& outcome)
{
    if (outcome == QStringLiteral("ok"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "done"));
    if (outcome == QStringLiteral("refused"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "refused"));
    if (outcome == QStringLiteral("failed"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "failed"));
    return outcome;
}

QString profileDisplayDescription(const QString& name, const QString& storedDescription)
{
    if (name == QStringLiteral("signing"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "Digital signature of documents (non-repudiation)"));
    if (name == QStringLiteral("authentication"))
        return translated(QT_TRANSLATE_NOOP("DisplayNames", "Sign-in to systems and protected e-mail"));
    return storedDescription;
}

} // namespace tamga::ui
