#include "Views.h"

#include "DisplayNames.h"

#include "EnrollmentWizard.h"
#include "ReceiptPrinting.h"
#include "SecretField.h"
#include "tamga/core/AuditLog.h"
#include "tamga/core/CaConnector.h"
#include "tamga/core/Enrollment.h"
#include "tamga/core/OfficerImport.h"
#include "tamga/core/Operators.h"
#include "tamga/core/Profile.h"
#include "tamga/core/Receipt.h"
#include "tamga/core/Registry.h"
#include "tamga/core/Settings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

#include <limits>

namespace tamga::ui {

namespace {

class SettingsView : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    SettingsView(MainWindow* window, const DeskContext& context) : QWidget(window), m_context(context)
    {
        auto* layout = new QFormLayout(this);
        auto* language = new QComboBox(this);
        language->addItem(tr("System language"), QString());
        language->addItem(QStringLiteral("Монгол"), QStringLiteral("mn"));
        language->addItem(QStringLiteral("English"), QStringLiteral("en"));
        core::Settings settings(*context.database);
        const QString current = settings.value(core::setting::Language).value_or(std::nullopt).value_or(QString());
        language->setCurrentIndex(std::max(0, language->findData(current)));
        layout->addRow(tr("&Language:"), language);
        connect(language, &QComboBox::currentIndexChanged, this, [this, language] {
            auto saved = core::Settings(*m_context.database)
                             .setValue(m_context.signedIn, core::setting::Language, language->currentData().toString());
            m_note->setText(saved ? tr("The language changes the next time Tamga starts.")
                                  : tr("Not saved: %1").arg(saved.error().message));
        });

        // Sealed bundles for an offline CA are signed by the desk's own token when this names its certificate's
        // enrollment (a verified enrollment of a token the desk keeps); empty: sealed with their SHA-256 alone.
        auto* signer = new QLineEdit(this);
        signer->setObjectName(QStringLiteral("manifestSigner"));
        signer->setPlaceholderText(tr("enrollment number, or empty"));
        signer->setToolTip(tr("Sealed bundles for an offline CA are signed by the desk's own token: the enrollment "
                              "of its certificate. Empty: sealed with their SHA-256 alone."));
        signer->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), signer));
        signer->setText(settings.value(core::setting::ManifestSigner).value_or(std::nullopt).value_or(QString()));
        layout->addRow(tr("&Bundles signed by enrollment #:"), signer);
        connect(signer, &QLineEdit::editingFinished, this, [this, signer] {
            auto saved = core::Settings(*m_context.database)
                             .setValue(m_context.signedIn, core::setting::ManifestSigner, signer->text().trimmed());
            m_note->setText(saved ? (signer->text().trimmed().isEmpty()
                                         ? tr("Bundles are sealed with their SHA-256 alone.")
                                         : tr("Each bundle is signed by the desk's token of enrollment #%1.")
                                               .arg(signer->text().trimmed()))
                                  : tr("Not saved: %1").arg(saved.error().message));
        });

        auto* modules = new QListWidget(this);
        modules->setMaximumHeight(90);
        connect(context.worker, &core::DeskWorker::registeredModulesListed, this,
                [modules](const QStringList& names, const QStringList& paths, const QStringList& packages) {
                    modules->clear();
                    for (qsizetype i = 0; i < names.size(); ++i)
                        addModuleItem(modules, names[i], paths[i], packages.value(i));
                });
        context.worker->listRegisteredModules();
        auto* useModule = new QPushButton(tr("Use the selected &module for this desk"), this);
        // The module is a library every later Tamga process loads: a supervisor's choice (core refuses a clerk too).
        if (context.signedIn.role != core::Role::Supervisor) {
            useModule->setEnabled(false);
            useModule->setToolTip(tr("Supervisors only"));
        }
        layout->addRow(tr("PKCS#11 modules (p11-kit):"), modules);
        layout->addRow(QString(), useModule);
        connect(useModule, &QPushButton::clicked, this, [this, modules] {
            if (auto* item = modules->currentItem()) {
                auto saved = core::Settings(*m_context.database)
                                 .setValue(m_context.signedIn, core::setting::Pkcs11Modules,
                                           item->data(Qt::UserRole).toString());
                m_note->setText(
                    saved ? tr("The desk uses %1 from its next start.").arg(item->data(Qt::UserRole).toString())
                          : tr("Not saved: %1").arg(saved.error().message));
            }
        });

        m_cas = new QListWidget(this);
        m_cas->setMaximumHeight(90);
        if (auto cas = core::CaConnectors(*context.database, context.dataDir).list()) {
            for (const auto& c : *cas)
                m_cas->addItem(c.name + QStringLiteral(" (") + c.type + QLatin1Char(')'));
        }
        auto* test = new QPushButton(tr("Test the selected &CA"), this);
        layout->addRow(tr("CA connectors:"), m_cas);
        layout->addRow(QString(), test);
        connect(test, &QPushButton::clicked, this, [this] {
            if (auto* item = m_cas->currentItem()) {
                m_note->setText(tr("Asking the CA…"));
                m_context.worker->testCa(item->text().section(QLatin1Char(' '), 0, 0));
            }
        });
        connect(context.worker, &core::DeskWorker::caTested, this,
                [this](const QString& name, bool ok, const QString& message) {
                    m_note->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
                    m_note->setText(name + QStringLiteral(": ") + message);
                });

        auto* anchors = new QListWidget(this);
        anchors->setMaximumHeight(90);
        if (auto list = core::TrustAnchors(*context.database).list()) {
            for (const auto& a : *list)
                anchors->addItem(a.subject);
        }
        layout->addRow(tr("Trust anchors:"), anchors);

        auto* profiles = new QComboBox(this);
        if (auto list = core::Profiles(*context.database).list()) {
            for (const auto& p : *list)
                profiles->addItem(QStringLiteral("%1 — %2 (%3)")
                                      .arg(profileDisplayName(p.name), profileDisplayDescription(p.name, p.description),
                                           QString::fromStdString(core::keyTypeName(p.keyType))),
                                  p.name);
        }
        auto* officer = new QLineEdit(this);
        officer->setPlaceholderText(tr("Civil ID of an officer, for the subject preview"));
        auto* subject = new QLabel(this);
        subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
        subject->setWordWrap(true);
        layout->addRow(tr("Certificate profiles:"), profiles);
        layout->addRow(tr("Subject &preview for:"), officer);
        layout->addRow(QString(), subject);
        auto preview = [this, profiles, officer, subject] {
            subject->clear();
            auto found = core::Registry(*m_context.database).officers(std::nullopt, officer->text(), 2);
            auto profile = core::Profiles(*m_context.database).find(profiles->currentData().toString());
            if (!found || found->size() != 1 || !profile)
                return;
            auto built = core::buildSubject(*profile, found->front());
            if (!built) {
                subject->setText(built.error().message);
                return;
            }
            QStringList lines;
            for (const auto& a : built->attributes)
                lines << QStringLiteral("%1 (%2) = %3").arg(a.shortName, a.stringTypeName(), a.value);
            subject->setText(lines.join(QLatin1Char('\n')));
        };
        connect(profiles, &QComboBox::currentIndexChanged, this, preview);
        connect(officer, &QLineEdit::textChanged, this, preview);
        // The desk's operators; a supervisor adds clerks and supervisors here (core refuses anyone else too).
        m_operators = new QListWidget(this);
        m_operators->setObjectName(QStringLiteral("operators"));
        m_operators->setMaximumHeight(90);
        listOperators();
        auto* addOperator = new QPushButton(tr("&New operator…"), this);
        addOperator->setObjectName(QStringLiteral("addOperator"));
        addOperator->setEnabled(context.signedIn.role == core::Role::Supervisor);
        if (!addOperator->isEnabled())
            addOperator->setToolTip(tr("Supervisors only"));
        layout->addRow(tr("Operators:"), m_operators);
        layout->addRow(QString(), addOperator);
        connect(addOperator, &QPushButton::clicked, this, [this] {
            if (auto added = addOperatorInDialog(this, m_context)) {
                listOperators();
                m_note->setStyleSheet(QString());
                m_note->setText(tr("%1 may now sign in at this desk.").arg(*added));
            }
        });

        // A backup while the desk works (supervisors): the folder chosen, the copy made and verified on the worker.
        auto* backup = new QPushButton(tr("Back up the d&atabase…"), this);
        backup->setObjectName(QStringLiteral("backUp"));
        backup->setEnabled(context.signedIn.role == core::Role::Supervisor);
        if (!backup->isEnabled())
            backup->setToolTip(tr("Supervisors only"));
        layout->addRow(tr("Backup:"), backup);
        connect(backup, &QPushButton::clicked, this, [this] {
            const QString parent = chooseOpenPath(this, tr("The folder to put the backup in"), true);
            if (parent.isEmpty())
                return;
            const QString folder = parent + QStringLiteral("/tamga-backup-") +
                                   QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
            m_note->setStyleSheet(QString());
            m_note->setText(tr("Backing up into %1…").arg(folder));
            m_context.worker->backUp(m_context.signedIn, folder);
        });
        connect(context.worker, &core::DeskWorker::backupFinished, this, [this](bool ok, const QString& message) {
            m_note->setStyleSheet(ok ? QString() : QStringLiteral("color:#b3261e"));
            m_note->setText(message);
        });
        m_note = new QLabel(this);
        m_note->setObjectName(QStringLiteral("settingsNote"));
        m_note->setWordWrap(true);
        layout->addRow(m_note);
    }

    void listOperators()
    {
        m_operators->clear();
        auto operators = core::Operators(*m_context.database).list();
        if (!operators) {
            m_operators->addItem(tr("The database could not be read: %1").arg(operators.error().message));
            return;
        }
        for (const auto& o : *operators)
            m_operators->addItem(QStringLiteral("%1 — %2").arg(
                o.name, o.role == core::Role::Supervisor ? tr("supervisor") : tr("clerk")));
    }

    const DeskContext& m_context;
    QListWidget* m_operators = nullptr;
    QListWidget* m_cas = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace

QWidget* newSettingsView(MainWindow* window, const DeskContext& context)
{
    return new SettingsView(window, context);
}

} // namespace tamga::ui
