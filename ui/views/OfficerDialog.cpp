// The officer's form: adding one, or editing one whose civil ID stays as it is. Texts in the context "MainWindow".
#include "Views.h"
#include "tamga/core/Registry.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>

namespace tamga::ui {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};
} // namespace

bool editOfficerInDialog(QWidget* parent, const DeskContext& context, qint64 id)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(id ? Texts::tr("Edit officer") : Texts::tr("Add officer"));
    auto* form = new QFormLayout(&dialog);
    auto* organization = new QComboBox(&dialog);
    if (auto organizations = core::Registry(*context.database).organizations()) {
        for (const auto& o : *organizations)
            organization->addItem(o.name, o.id);
    }
    QLineEdit* fields[7];
    const char* labels[] = {
        QT_TRANSLATE_NOOP("MainWindow", "&Surname:"),    QT_TRANSLATE_NOOP("MainWindow", "&Given name:"),
        QT_TRANSLATE_NOOP("MainWindow", "&Civil ID:"),   QT_TRANSLATE_NOOP("MainWindow", "&Position:"),
        QT_TRANSLATE_NOOP("MainWindow", "&Department:"), QT_TRANSLATE_NOOP("MainWindow", "&E-mail:"),
        QT_TRANSLATE_NOOP("MainWindow", "P&hone:")};
    form->addRow(Texts::tr("&Organization:"), organization);
    for (int i = 0; i < 7; ++i) {
        fields[i] = new QLineEdit(&dialog);
        form->addRow(Texts::tr(labels[i]), fields[i]);
    }
    if (id) {
        auto current = core::Registry(*context.database).officer(id);
        if (!current) {
            QMessageBox::warning(parent, Texts::tr("Edit officer"),
                                 Texts::tr("The database could not be read: %1").arg(current.error().message));
            return false;
        }
        const auto& f = current->fields;
        const QString values[] = {f.surname, f.givenName, f.civilId, f.position, f.department, f.email, f.phone};
        for (int i = 0; i < 7; ++i)
            fields[i]->setText(values[i]);
        fields[2]->setReadOnly(true);
        organization->setCurrentIndex(organization->findData(f.organizationId));
    }
    auto* message = new QLabel(&dialog);
    message->setStyleSheet(QStringLiteral("color:#b3261e"));
    message->setWordWrap(true);
    form->addRow(message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        core::OfficerFields f{organization->currentData().toLongLong(),
                              fields[0]->text(),
                              fields[1]->text(),
                              fields[2]->text(),
                              fields[3]->text(),
                              fields[4]->text(),
                              fields[5]->text(),
                              fields[6]->text()};
        core::Registry registry(*context.database);
        QString problem;
        if (id) {
            if (auto updated = registry.updateOfficer(context.signedIn, id, f); !updated)
                problem = updated.error().message;
        } else if (auto added = registry.addOfficer(context.signedIn, f); !added) {
            problem = added.error().message;
        }
        if (!problem.isEmpty()) {
            message->setText(problem);
            return;
        }
        dialog.accept();
    });
    return dialog.exec() == QDialog::Accepted;
}

} // namespace tamga::ui
