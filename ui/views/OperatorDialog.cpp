// A new operator of the desk (a supervisor's act): name, role, the password typed twice. Texts in the context
// "MainWindow". The passwords go from their fields into wiping buffers at once.
#include "SecretField.h"
#include "Views.h"
#include "tamga/core/Operators.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace tamga::ui {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};
} // namespace

std::optional<QString> addOperatorInDialog(QWidget* parent, const DeskContext& context)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("operatorDialog"));
    dialog.setWindowTitle(Texts::tr("New operator"));
    auto* form = new QFormLayout(&dialog);
    auto* name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("operatorName"));
    auto* role = new QComboBox(&dialog);
    role->setObjectName(QStringLiteral("operatorRole"));
    role->addItem(Texts::tr("Clerk: enrollments, hand-overs, the registry"), core::roleName(core::Role::Clerk));
    role->addItem(Texts::tr("Supervisor: also erases, unblocks, approves and sets the desk up"),
                  core::roleName(core::Role::Supervisor));
    auto* password = new QLineEdit(&dialog);
    password->setObjectName(QStringLiteral("operatorPassword"));
    password->setEchoMode(QLineEdit::Password);
    auto* again = new QLineEdit(&dialog);
    again->setObjectName(QStringLiteral("operatorPasswordAgain"));
    again->setEchoMode(QLineEdit::Password);
    form->addRow(Texts::tr("Na&me:"), name);
    form->addRow(Texts::tr("Ro&le:"), role);
    form->addRow(Texts::tr("Pass&word:"), password);
    form->addRow(Texts::tr("Password a&gain:"), again);
    auto* message = new QLabel(&dialog);
    message->setObjectName(QStringLiteral("operatorMessage"));
    message->setStyleSheet(QStringLiteral("color:#b3261e"));
    message->setWordWrap(true);
    form->addRow(message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QString added;
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const core::Password typed = takeSecret(password);
        const core::Password repeated = takeSecret(again);
        if (typed.view() != repeated.view()) {
            message->setText(Texts::tr("The two passwords differ: type them again."));
            password->setFocus();
            return;
        }
        const core::Role chosen = core::parseRole(role->currentData().toString()).value_or(core::Role::Clerk);
        auto made = core::Operators(*context.database).add(context.signedIn, name->text(), chosen, typed);
        if (!made) {
            message->setText(made.error().message);
            password->setFocus();
            return;
        }
        added = made->name;
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return added;
}

} // namespace tamga::ui
